import "server-only";
import type { changeRequests } from "@/lib/db/schema";
import type { ChangeRequest, Checks } from "@/lib/schemas/approvals";

export type ChangeRequestRow = typeof changeRequests.$inferSelect;

/** What leaves the server: the secret-free proposal; proposedSecretsEnc never does. */
export function toChangeRequestView(row: ChangeRequestRow): ChangeRequest {
  return {
    id: row.id,
    action: row.action,
    targetKind: row.targetKind,
    targetId: row.targetId,
    status: row.status,
    webhookId: row.webhookId,
    webhookName: row.webhookName,
    baseVersion: row.baseVersion,
    proposed: row.proposed,
    requester: { id: row.requesterId, label: row.requesterLabel, personId: row.requesterPersonId },
    reviewer: row.reviewerId ? { id: row.reviewerId, label: row.reviewerLabel ?? "" } : null,
    reason: row.reason,
    checks: (row.checks as Checks | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
