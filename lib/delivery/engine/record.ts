import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { alertState, attempts, deliveries, webhooks } from "@/lib/db/schema";
import type { Outcome } from "./send";
import { decideOutcome, type DeliveryUpdate } from "./outcome-policy";
import { scrubOutcome } from "./scrub-outcome";
import { observeResults } from "../observe/observe-results";
import { emitDeliveryAlerts } from "@/lib/server/alerts/delivery-alerts";

/**
 * Writes a batch of attempts and their consequences in one transaction: the deliveries and attempts in one statement,
 * then the webhooks' failure streaks, the rollups and the alerts. Statements are fixed
 * text with one array parameter per column (`unnest`), not 100-row IN lists and VALUES built per batch: building
 * those was drizzle's largest share of a draining worker's CPU (docs/performance.md §3).
 */
export async function recordOutcomes(db: Db, workerId: string, outcomes: Outcome[], now = Date.now()) {
  if (outcomes.length === 0) return;
  // Viewers read attempts: no credential a receiver echoed may be stored.
  const scrubbed = outcomes.map(scrubOutcome);
  const decided = scrubbed.map((o) => decideOutcome(o, now));
  await db.transaction(async (tx) => {
    const written = await writeResults(tx, workerId, scrubbed, decided);
    const kept = scrubbed.flatMap((o, i) => (written.held.has(o.delivery.id) ? [i] : []));
    if (kept.length === 0) return;
    const [results, updates] = [kept.map((i) => scrubbed[i]), kept.map((i) => decided[i])];
    await applyWebhookEffects(tx, results, updates, now, written.streaks);
    await observeResults(tx, results, updates);
    await emitDeliveryAlerts(tx, results, updates, now, written.recoveryOwed);
  });
}

/**
 * The deliveries' new state and their attempt rows, in one statement; returns the ids written. Only rows this worker
 * still holds: a delivery deleted meanwhile (its webhook was deleted) or taken over after its lease expired must not
 * fail the whole batch (an attempt row needs its delivery) nor overwrite the new owner's result.
 *
 * The same statement reads what the rest of the batch's transaction needs to know about the webhooks written to —
 * their failure streak, and whether a recovery alert is owed — so that a healthy batch is three statements, not five
 * (each one a round trip while the transaction holds PGlite's only connection: performance.md §9).
 */
async function writeResults(tx: Tx, workerId: string, outcomes: Outcome[], updates: DeliveryUpdate[]) {
  const rows = outcomes.map((o, i) => {
    const u = updates[i];
    return {
      id: o.delivery.id,
      org_id: o.delivery.orgId,
      started_at: o.startedAt.toISOString(),
      duration_ms: Math.round(o.result.durationMs),
      request_headers: o.requestHeaders,
      response_body: storable(o.result.body),
      error_message: storable(o.result.errorMessage?.slice(0, 500)),
      status: u.status,
      attempts: u.attempts,
      next: u.nextAttemptAt?.toISOString() ?? null,
      code: u.lastStatusCode,
      err: u.lastErrorClass,
      reason: u.divertedReason,
      worker: workerId,
    };
  });
  // One JSON parameter, not an array per column: pg escaped every element of 14 arrays (the request headers' JSON
  // twice over): about a tenth of a draining worker's CPU in the database driver (docs/performance.md §9).
  const written = await tx.execute<{ id: string; webhook_id: string; streak: number; owed: boolean | string }>(sql`
    with v as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json) as v(
        id uuid, org_id uuid, started_at timestamptz, duration_ms int, request_headers jsonb, response_body text, error_message text,
        status text, attempts int, next timestamptz, code int, err text, reason text, worker text)
    ),
    updated as (
      update ${deliveries} as d set
        status = v.status, attempts = v.attempts, next_attempt_at = coalesce(v.next, d.next_attempt_at),
        last_status_code = v.code, last_error_class = v.err, diverted_reason = v.reason,
        diverted_at = case when v.status = 'diverted' then now() else d.diverted_at end,
        lease_until = null, leased_by = null, claims = 0, updated_at = now()
      from v
      -- The holder is compared as a column of v, not as a constant: against a constant the planner read leased_by's
      -- statistics (nearly all null once analyzed), expected 1 row, and scanned the whole table as the outer side of
      -- a nested loop over v (794 × 206 rows, 116 ms a write instead of 25: performance.md §8).
      where d.id = v.id and d.leased_by = v.worker
      returning d.id, d.webhook_id
    ),
    recorded as (
      insert into ${attempts} (org_id, delivery_id, attempt_no, started_at, duration_ms, request_headers, response_status, response_body, error_class, error_message, next_attempt_at)
      select v.org_id, v.id, v.attempts, v.started_at, v.duration_ms, v.request_headers, v.code, v.response_body, v.err, v.error_message, v.next
      from v join updated using (id)
    )
    select u.id, u.webhook_id, w.consecutive_failures as streak, a.webhook_id is not null as owed
    from updated u
    join ${webhooks} w on w.id = u.webhook_id
    left join ${alertState} a on a.webhook_id = u.webhook_id and a.alert = 'webhook.recovered' and a.active`);
  const streaks = new Map<string, number>();
  const recoveryOwed = new Set<string>();
  for (const r of written.rows) {
    streaks.set(r.webhook_id, Number(r.streak));
    if (r.owed === true || r.owed === "t") recoveryOwed.add(r.webhook_id);
  }
  return { held: new Set(written.rows.map((r) => r.id)), streaks, recoveryOwed };
}

/** A text column cannot hold NUL: a receiver's answer keeps its other bytes, each NUL shown as U+FFFD. */
const storable = (text: string | undefined) => (text === undefined ? null : text.replaceAll("\0", "\uFFFD"));

/** Gives back deliveries whose slot was missed before anything was sent: due again at once, no attempt recorded. */
export async function releaseDeliveries(db: Db, workerId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    // Not a crash: the claim that is given back does not count towards "crashed while sending".
    .set({
      status: sql`case when ${deliveries.attempts} = 0 then 'pending' else 'failed' end`,
      leaseUntil: null,
      leasedBy: null,
      claims: sql`greatest(${deliveries.claims} - 1, 0)`,
      updatedAt: new Date(),
    })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.leasedBy, workerId), eq(deliveries.status, "sending")));
}

/**
 * Consecutive failures per webhook (tests excluded): suspend at the threshold, reset on success, disable on 410.
 * `streaks`: each webhook's failure streak as the results statement read it.
 */
async function applyWebhookEffects(tx: Tx, outcomes: Outcome[], updates: DeliveryUpdate[], now: number, streaks: Map<string, number>) {
  const byHook = new Map<string, DeliveryUpdate[]>();
  outcomes.forEach((o, i) => {
    if (o.delivery.isTest) return;
    byHook.set(o.webhook.id, [...(byHook.get(o.webhook.id) ?? []), updates[i]]);
  });
  if (byHook.size === 0) return;
  // The common case — successes on a webhook with no failure streak — changes nothing: decided from what the results
  // statement read, without locking, so a result flush does not queue behind a claim that holds the webhook rows for
  // its rate-limit slots.
  if ([...byHook].every(([id, u]) => streaks.get(id) === 0 && u.every((x) => x.webhookEffect === "success"))) return;
  const rows = await tx
    .select()
    .from(webhooks)
    .where(inArray(webhooks.id, [...byHook.keys()]))
    .orderBy(webhooks.id)
    .for("no key update");
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
        ...(gone && w.status !== "disabled"
          ? { enabled: false, status: "disabled" as const, statusReason: "Disabled automatically: the receiver answered 410 Gone.", updatedAt: new Date(now) }
          : {}),
        ...(suspend
          ? {
              status: "suspended" as const,
              suspendedAt: new Date(now),
              statusReason: `Suspended automatically after ${failures} consecutive failed attempt${failures === 1 ? "" : "s"}.`,
              updatedAt: new Date(now),
            }
          : {}),
      })
      .where(and(eq(webhooks.id, w.id)));
  }
}
