import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { attempts, deliveries, webhooks } from "@/lib/db/schema";
import type { Outcome } from "./send";
import { decideOutcome, type DeliveryUpdate } from "./outcome-policy";
import { emitDeliveryAlerts } from "@/lib/server/alerts/delivery-alerts";

/** Writes a batch of attempts and their consequences in one transaction, a few statements in all. */
export async function recordOutcomes(db: Db, workerId: string, outcomes: Outcome[], now = Date.now()) {
  if (outcomes.length === 0) return;
  await db.transaction(async (tx) => {
    // Only rows this worker still holds: a delivery deleted meanwhile (its webhook was deleted) or taken over after
    // its lease expired must not fail the whole batch (an attempt row needs its delivery) nor overwrite the new owner.
    const held = new Set(
      (await tx.select({ id: deliveries.id }).from(deliveries).where(and(inArray(deliveries.id, outcomes.map((o) => o.delivery.id)), eq(deliveries.leasedBy, workerId))).for("no key update")).map((r) => r.id),
    );
    outcomes = outcomes.filter((o) => held.has(o.delivery.id));
    if (outcomes.length === 0) return;
    const updates = outcomes.map((o) => decideOutcome(o, now));
    await tx.insert(attempts).values(
      outcomes.map((o, i) => ({
        orgId: o.delivery.orgId,
        deliveryId: o.delivery.id,
        attemptNo: o.delivery.attempts + 1,
        startedAt: o.startedAt,
        durationMs: Math.round(o.result.durationMs),
        requestHeaders: o.requestHeaders,
        responseStatus: o.result.status ?? null,
        responseBody: o.result.body ?? null,
        errorClass: o.result.errorClass ?? null,
        errorMessage: o.result.errorMessage?.slice(0, 500) ?? null,
        nextAttemptAt: updates[i].nextAttemptAt,
      })),
    );
    await updateDeliveries(tx, workerId, updates);
    await applyWebhookEffects(tx, outcomes, updates, now);
    await emitDeliveryAlerts(tx, outcomes, updates, now);
  });
}

/** Gives back deliveries whose slot was missed before anything was sent: due again at once, no attempt recorded. */
export async function releaseDeliveries(db: Db, workerId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    .set({ status: sql`case when ${deliveries.attempts} = 0 then 'pending' else 'failed' end`, leaseUntil: null, leasedBy: null, updatedAt: new Date() })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.leasedBy, workerId), eq(deliveries.status, "sending")));
}

async function updateDeliveries(tx: Tx, workerId: string, updates: DeliveryUpdate[]) {
  const rows = sql.join(
    updates.map((u) => sql`(${u.id}, ${u.status}, ${u.attempts}, ${u.nextAttemptAt?.toISOString() ?? null}, ${u.lastStatusCode}, ${u.lastErrorClass}, ${u.divertedReason})`),
    sql`, `,
  );
  // Only rows this worker still leases: if the lease expired and another worker took over, its result wins.
  await tx.execute(sql`
    update ${deliveries} as d set
      status = v.status, attempts = v.attempts::int, next_attempt_at = coalesce(v.next::timestamptz, d.next_attempt_at),
      last_status_code = v.code::int, last_error_class = v.err, diverted_reason = v.reason,
      diverted_at = case when v.status = 'diverted' then now() else d.diverted_at end,
      lease_until = null, leased_by = null, updated_at = now()
    from (values ${rows}) as v(id, status, attempts, next, code, err, reason)
    where d.id = v.id::uuid and d.leased_by = ${workerId}`);
}

/** Consecutive failures per webhook (tests excluded): suspend at the threshold, reset on success, disable on 410. */
async function applyWebhookEffects(tx: Tx, outcomes: Outcome[], updates: DeliveryUpdate[], now: number) {
  const byHook = new Map<string, DeliveryUpdate[]>();
  outcomes.forEach((o, i) => {
    if (o.delivery.isTest) return;
    byHook.set(o.webhook.id, [...(byHook.get(o.webhook.id) ?? []), updates[i]]);
  });
  if (byHook.size === 0) return;
  const rows = await tx.select().from(webhooks).where(inArray(webhooks.id, [...byHook.keys()])).orderBy(webhooks.id).for("no key update");
  for (const w of rows) {
    let failures = w.consecutiveFailures;
    let gone = false;
    for (const u of byHook.get(w.id)!) {
      if (u.webhookEffect === "success") failures = 0;
      else failures += 1;
      if (u.webhookEffect === "gone") gone = true;
    }
    const threshold = w.failureHandling.suspendAfterFailures;
    const suspend = !gone && w.status === "active" && failures >= threshold;
    if (failures === w.consecutiveFailures && !gone && !suspend) continue; // the common case: successes on a healthy webhook
    await tx
      .update(webhooks)
      .set({
        consecutiveFailures: failures,
        ...(gone && w.status !== "disabled" ? { enabled: false, status: "disabled" as const, statusReason: "Disabled automatically: the receiver answered 410 Gone.", updatedAt: new Date(now) } : {}),
        ...(suspend ? { status: "suspended" as const, suspendedAt: new Date(now), statusReason: `Suspended automatically after ${failures} consecutive failed attempt${failures === 1 ? "" : "s"}.`, updatedAt: new Date(now) } : {}),
      })
      .where(and(eq(webhooks.id, w.id)));
  }
}
