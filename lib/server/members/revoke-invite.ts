import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";

/** Revokes an open invitation: its link stops working at once. */
export async function revokeInvite({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.id, id), eq(invites.orgId, actor.orgId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning();
    if (!row) throw notFound("No such open invitation.");
    await recordAudit({ actor, orgId: actor.orgId, action: "invite.revoked", target: { type: "invite", id, label: row.email } }, tx);
  });
}
