import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { recoveryJobs } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict, notFound } from "../errors";
import { toRecoveryJobView } from "./view";

/** Stops a job between batches (a running batch finishes first: it holds the job row); what was requeued stays queued. */
export async function cancelRecovery({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "diverted.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(recoveryJobs)
      .set({ status: "cancelled", finishedAt: new Date() })
      .where(and(eq(recoveryJobs.id, id), eq(recoveryJobs.orgId, actor.orgId), inArray(recoveryJobs.status, ["queued", "running"])))
      .returning();
    if (!job) {
      const [exists] = await tx
        .select({ status: recoveryJobs.status })
        .from(recoveryJobs)
        .where(and(eq(recoveryJobs.id, id), eq(recoveryJobs.orgId, actor.orgId)));
      if (!exists) throw notFound("No such recovery job.");
      throw conflict(`This job has already ${exists.status === "cancelled" ? "been cancelled" : "finished"}.`);
    }
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "recovery.cancelled",
        target: { type: "recovery_job", id, label: job.webhookId ?? "all diverted" },
        summary: { done: job.done, total: job.total, redelivered: job.redelivered },
      },
      tx,
    );
    return toRecoveryJobView(job);
  });
}
