import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveries, webhooks } from "@/lib/db/schema";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { lockWebhook } from "./lock-webhook";

/** Resumes deliveries; optionally requeues what was diverted while the webhook was suspended. */
export async function unsuspendWebhook({ actor, id, redeliverDiverted }: { actor: Actor; id: string; redeliverDiverted: boolean }) {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const row = await lockWebhook(tx, actor, id);
    if (row.status !== "suspended") throw conflict("This webhook is not suspended.");
    const [updated] = await tx
      .update(webhooks)
      .set({ status: "active", suspendedAt: null, statusReason: null, consecutiveFailures: 0, updatedAt: new Date() })
      .where(eq(webhooks.id, id))
      .returning();
    let redelivered = 0;
    if (redeliverDiverted) {
      const rows = await tx
        .update(deliveries)
        .set({
          status: "pending",
          nextAttemptAt: new Date(),
          retryBase: sql`${deliveries.attempts}`,
          divertedReason: null,
          divertedAt: null,
          updatedAt: new Date(),
        })
        .where(and(eq(deliveries.webhookId, id), eq(deliveries.status, "diverted"), gte(deliveries.divertedAt, row.suspendedAt ?? new Date(0))))
        .returning({ id: deliveries.id });
      redelivered = rows.length;
    }
    await recordAudit(
      { actor, orgId: actor.orgId, action: "webhook.unsuspended", target: { type: "webhook", id, label: row.name }, summary: { redelivered } },
      tx,
    );
    return { row: updated, redelivered };
  });
  if (result.redelivered) wakeWorkers();
  return result;
}
