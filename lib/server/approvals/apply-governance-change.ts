import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../authz";
import { AppError } from "../errors";
import { applySettings } from "../settings/update-settings";
import { applyMemberRoles, lockOrgForRoleChange } from "../members/update-member-roles";
import type { Applied } from "./apply-change";
import type { ChangeRequestRow } from "./view";

const gone: Applied = { applied: false, stale: { base: null, now: null } };

/**
 * Applies an approved settings, member-roles or invite request in the decision's transaction, recorded as the
 * requester's, approved by the reviewer. A member who left, or an invite revoked since, makes the request stale.
 */
export async function applyGovernanceChange(tx: Tx, reviewer: Actor, request: ChangeRequestRow): Promise<Applied> {
  const maker: Actor = { ...reviewer, label: `${request.requesterLabel}, approved by ${reviewer.label}` };
  if (request.targetKind === "settings") {
    await lockOrgForRoleChange(tx, request.orgId);
    await applySettings(tx, maker, request.proposed);
    return { applied: true, webhookVersion: null };
  }
  if (request.targetKind === "member-roles") {
    await lockOrgForRoleChange(tx, request.orgId);
    try {
      await applyMemberRoles(tx, maker, request.targetId!, (request.proposed as { roles: string[] }).roles);
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") return gone;
      throw err;
    }
    return { applied: true, webhookVersion: null };
  }
  const [invite] = await tx
    .update(invites)
    .set({ awaitingApproval: false })
    .where(and(eq(invites.id, request.targetId!), eq(invites.orgId, request.orgId), isNull(invites.revokedAt), isNull(invites.acceptedAt)))
    .returning();
  if (!invite) return gone;
  await recordAudit(
    {
      actor: maker,
      orgId: request.orgId,
      action: "invite.approved",
      target: { type: "invite", id: invite.id, label: invite.email },
      summary: { roles: invite.roles, changeRequestId: request.id },
    },
    tx,
  );
  return { applied: true, webhookVersion: null };
}
