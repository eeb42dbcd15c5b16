import "server-only";
import { and, asc, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, recoveryJobs } from "@/lib/db/schema";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { recordAudit } from "../audit/record-audit";
import { SYSTEM } from "../approvals/system-actor";
import { jobScope } from "./job-scope";
import type { RecoveryJobRow } from "./view";

export const RECOVERY_BATCH = 200;

/**
 * Runs one batch of the oldest open job: the job row is locked (SKIP LOCKED: workers take different jobs, and a
 * cancel waits for the batch), the next deliveries after the cursor are requeued with a fresh retry budget, and the
 * progress is written in the same transaction. Returns false when there was nothing to do.
 */
export async function runRecoveryBatch(db: Db, { batchSize = RECOVERY_BATCH } = {}): Promise<boolean> {
  const worked = await db.transaction(async (tx) => {
    const [job] = (await tx
      .select()
      .from(recoveryJobs)
      .where(inArray(recoveryJobs.status, ["queued", "running"]))
      .orderBy(asc(recoveryJobs.createdAt))
      .limit(1)
      .for("update", { skipLocked: true })) as RecoveryJobRow[];
    if (!job) return false;
    const after =
      job.cursorCreatedAt && job.cursorId
        ? sql`(${deliveries.createdAt}, ${deliveries.id}) > (${job.cursorCreatedAt.toISOString()}::timestamptz, ${job.cursorId}::uuid)`
        : undefined;
    const batch = await tx
      .select({ id: deliveries.id, createdAt: deliveries.createdAt })
      .from(deliveries)
      .where(and(jobScope(job), after))
      .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
      .limit(batchSize)
      .for("no key update", { skipLocked: true });
    let redelivered = 0;
    if (batch.length) {
      const rows = await tx
        .update(deliveries)
        .set({
          status: "pending",
          nextAttemptAt: new Date(),
          retryBase: sql`${deliveries.attempts}`,
          divertedReason: null,
          divertedAt: null,
          leaseUntil: null,
          leasedBy: null,
          updatedAt: new Date(),
        })
        .where(
          inArray(
            deliveries.id,
            batch.map((b) => b.id),
          ),
        )
        .returning({ id: deliveries.id });
      redelivered = rows.length;
    }
    const last = batch[batch.length - 1];
    const finished = batch.length < batchSize;
    const done = finished ? job.total : Math.min(job.total, job.done + batch.length);
    await tx
      .update(recoveryJobs)
      .set({
        status: finished ? "succeeded" : "running",
        done,
        redelivered: job.redelivered + redelivered,
        ...(last ? { cursorCreatedAt: last.createdAt, cursorId: last.id } : {}),
        ...(finished ? { finishedAt: new Date() } : {}),
      })
      .where(sql`${recoveryJobs.id} = ${job.id}`);
    if (finished) {
      await recordAudit(
        {
          actor: SYSTEM,
          orgId: job.orgId,
          action: "recovery.finished",
          target: { type: "recovery_job", id: job.id, label: job.webhookId ?? "all diverted" },
          summary: { total: job.total, redelivered: job.redelivered + redelivered },
        },
        tx,
      );
    }
    return true;
  });
  if (worked) wakeWorkers();
  return worked;
}
