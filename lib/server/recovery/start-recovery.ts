import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { deliveries, recoveryJobs, webhooks } from "@/lib/db/schema";
import type { RecoverRangeInput } from "@/lib/schemas/recovery";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";
import { jobScope } from "./job-scope";
import { toRecoveryJobView } from "./view";

type JobInput = { webhookId: string | null; scope: "range" | "diverted"; eventTypes?: string[]; from?: Date; to?: Date };

async function insertJob(tx: Tx, actor: Actor, input: JobInput, label: string) {
  const shape = {
    orgId: actor.orgId,
    webhookId: input.webhookId,
    scope: input.scope,
    eventTypes: input.eventTypes?.length ? input.eventTypes : null,
    rangeFrom: input.from ?? null,
    rangeTo: input.to ?? null,
  };
  const [{ total }] = await tx.select({ total: count() }).from(deliveries).where(jobScope(shape));
  const [job] = await tx
    .insert(recoveryJobs)
    .values({ ...shape, total, createdBy: actor.label })
    .returning();
  await recordAudit(
    {
      actor,
      orgId: actor.orgId,
      action: "recovery.started",
      target: { type: "recovery_job", id: job.id, label },
      summary: { scope: job.scope, webhookId: job.webhookId, from: input.from?.toISOString(), to: input.to?.toISOString(), eventTypes: job.eventTypes, total },
    },
    tx,
  );
  return toRecoveryJobView(job);
}

/** POST /webhooks/{id}/recover: every failed or diverted delivery of the webhook created in [from, to), as a job. */
export async function recoverRange({ actor, webhookId, input }: { actor: Actor; webhookId: string; input: RecoverRangeInput }) {
  assertCan(actor, "diverted.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [hook] = await tx
      .select({ name: webhooks.name })
      .from(webhooks)
      .where(and(eq(webhooks.id, webhookId), eq(webhooks.orgId, actor.orgId)));
    if (!hook) throw notFound("No such webhook.");
    return insertJob(tx, actor, { webhookId, scope: "range", eventTypes: input.eventTypes, from: new Date(input.from), to: new Date(input.to) }, hook.name);
  });
}

/** "Redeliver all" of the Diverted page when it is large: every diverted delivery (of one webhook, or all), as a job. */
export async function redeliverDivertedJob({ actor, webhookId }: { actor: Actor; webhookId?: string }) {
  assertCan(actor, "diverted.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (webhookId) {
      const [hook] = await tx
        .select({ id: webhooks.id })
        .from(webhooks)
        .where(and(eq(webhooks.id, webhookId), eq(webhooks.orgId, actor.orgId)));
      if (!hook) throw notFound("No such webhook.");
    }
    return insertJob(tx, actor, { webhookId: webhookId ?? null, scope: "diverted" }, webhookId ?? "all diverted");
  });
}
