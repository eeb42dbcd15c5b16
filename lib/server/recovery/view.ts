import "server-only";
import type { recoveryJobs } from "@/lib/db/schema";
import type { RecoveryJobView } from "@/lib/schemas/recovery";

export type RecoveryJobRow = typeof recoveryJobs.$inferSelect;

export function toRecoveryJobView(r: RecoveryJobRow): RecoveryJobView {
  return {
    id: r.id,
    webhookId: r.webhookId,
    scope: r.scope,
    eventTypes: r.eventTypes,
    from: r.rangeFrom?.toISOString() ?? null,
    to: r.rangeTo?.toISOString() ?? null,
    status: r.status,
    total: r.total,
    done: r.done,
    redelivered: r.redelivered,
    percent: r.status === "succeeded" ? 100 : r.total === 0 ? 0 : Math.min(100, Math.floor((r.done / r.total) * 100)),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
