import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";

export async function revokeApiKey({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "api-keys.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.orgId, actor.orgId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound("No such API key.");
    await recordAudit({ actor, orgId: actor.orgId, action: "api_key.revoked", target: { type: "api_key", id, label: row.name } }, tx);
  });
}
