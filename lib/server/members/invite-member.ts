import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { invites, memberships, users } from "@/lib/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { InviteMemberInput } from "@/lib/schemas/members";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { governanceGate } from "../approvals/four-eyes-rules";
import { insertRequest } from "../approvals/submit-change";
import { toInviteView } from "./invite-view";

export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;

/**
 * Creates a one-time invitation link (72 h). Nothing is added to any account until the invitee accepts, and the
 * answer is the same whether or not the e-mail already has an account. A new link for the same e-mail replaces
 * the open one. Inviting an approver while approvals are on waits for a second approver before it can be accepted.
 */
export async function inviteMember({ actor, input }: { actor: Actor; input: InviteMemberInput }) {
  assertCan(actor, "members.manage");
  const db = await getDb();
  const token = randomToken("wci", 32);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, actor.orgId), sql`lower(${users.email}) = ${input.email}`));
    if (member) throw conflict("This person is already a member.", [{ path: "email", message: "Already a member of this organization." }]);
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.orgId, actor.orgId), eq(invites.email, input.email), isNull(invites.acceptedAt), isNull(invites.revokedAt)));
    const expiresAt = await governanceGate(tx, actor.orgId, () => input.roles.includes("approver"));
    const [invite] = await tx
      .insert(invites)
      .values({
        orgId: actor.orgId,
        email: input.email,
        name: input.name || null,
        roles: input.roles,
        tokenHash: sha256(token),
        invitedById: actor.id,
        invitedByLabel: actor.label,
        awaitingApproval: Boolean(expiresAt),
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      })
      .returning();
    let changeRequestId: string | null = null;
    if (expiresAt) {
      const request = await insertRequest(tx, actor, {
        action: "create",
        targetKind: "invite",
        targetId: invite.id,
        webhookName: `Invite of ${input.email}`,
        proposed: { email: input.email, roles: input.roles },
        expiresAt,
      });
      changeRequestId = request.id;
      await tx.update(invites).set({ changeRequestId }).where(eq(invites.id, invite.id));
    }
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "member.invited",
        target: { type: "invite", id: invite.id, label: input.email },
        summary: { roles: input.roles, expiresAt: invite.expiresAt.toISOString(), changeRequestId },
      },
      tx,
    );
    return { invite: toInviteView(invite), invitePath: `/invite/${token}`, changeRequestId };
  });
}
