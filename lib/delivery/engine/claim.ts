import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { deliveries, webhooks } from "@/lib/db/schema";
import { reserveSlots } from "../rate-limit";

export type ClaimedDelivery = {
  id: string;
  orgId: string;
  eventId: string;
  webhookId: string;
  attempts: number;
  retryBase: number;
  isTest: boolean;
  sendAt: number;
};

/** How long a claim is held: longer than the slot wait (≤ 1 s) + the request timeout (15 s) + writing the result. */
export const LEASE_MS = 60_000;
const HORIZON_MS = 1_000;
/** Claims without a recorded result after which a delivery is diverted as "crashed" (a release does not count). */
export const MAX_CLAIMS_WITHOUT_RESULT = 5;
const NOT_SENDABLE = ["suspended", "disabled", "pending"];

/**
 * Claims due deliveries (and expired leases) in one transaction: FOR UPDATE SKIP LOCKED, so workers never
 * share a row, and per-webhook send slots reserved on the webhook row, so limits hold across processes.
 */
export async function claimBatch(
  db: Db,
  {
    workerId,
    limit = 100,
    now: fixedNow,
    leaseMs = LEASE_MS,
    leadMs = 0,
  }: { workerId: string; limit?: number; now?: number; leaseMs?: number; leadMs?: number },
) {
  let now = fixedNow ?? Date.now();
  let nowDate = new Date(now);
  return db.transaction(async (tx) => {
    const due = await selectDueFairly(tx, { now, limit });
    if (due.length === 0) return [];

    // A delivery claimed again and again without a result kills (or hangs) whoever sends it: divert it, do not retry.
    const crashed = due.filter((d) => d.claims >= MAX_CLAIMS_WITHOUT_RESULT).map((d) => d.id);
    if (crashed.length) {
      await tx
        .update(deliveries)
        .set({ status: "diverted", divertedReason: "crashed", divertedAt: nowDate, leaseUntil: null, leasedBy: null, claims: 0, updatedAt: nowDate })
        .where(sql`${deliveries.id} = any(${sql.param(crashed)}::uuid[])`);
    }
    // Events for a suspended or disabled webhook are diverted, not sent (tests still go out).
    const divert = due.filter((d) => !crashed.includes(d.id) && !d.isTest && NOT_SENDABLE.includes(d.webhookStatus));
    for (const reason of ["suspended", "disabled"] as const) {
      const ids = divert.filter((d) => (reason === "suspended" ? d.webhookStatus === "suspended" : d.webhookStatus !== "suspended")).map((d) => d.id);
      if (ids.length === 0) continue;
      await tx
        .update(deliveries)
        .set({ status: "diverted", divertedReason: reason, divertedAt: nowDate, leaseUntil: null, leasedBy: null, updatedAt: nowDate })
        .where(sql`${deliveries.id} = any(${sql.param(ids)}::uuid[])`);
    }
    const sendable = due.filter((d) => !divert.includes(d) && !crashed.includes(d.id));
    const webhookIds = [...new Set(sendable.map((d) => d.webhookId))].sort();
    if (webhookIds.length === 0) return [];
    // The webhook rows were locked by the same statement (selectDueFairly), in id order.
    const lockedHooks = new Map(due.map((d) => [d.webhookId, d.webhook]));
    const limits = webhookIds.map((id) => lockedHooks.get(id)!);
    // Slots count from when the webhook rows are ours (another worker may have held them a while), not from
    // when the claim began: a slot already in the past would be sent late, in a burst with the next ones.
    now = fixedNow ?? Date.now();
    nowDate = new Date(now);

    const claimed: ClaimedDelivery[] = [];
    const advanced: { id: string; next: string }[] = [];
    for (const w of limits) {
      const mine = sendable.filter((d) => d.webhookId === w.id);
      // leadMs: how far ahead this worker needs its slots to meet them (it has been late recently; see worker.ts).
      const { slots, nextSlotAt } = reserveSlots({
        now: now + leadMs,
        nextSlotAt: w.nextSlotAtMs,
        limit: w.rateLimit,
        wanted: mine.length,
        horizonMs: HORIZON_MS,
      });
      if (slots.length === 0) continue;
      advanced.push({ id: w.id, next: new Date(nextSlotAt).toISOString() });
      slots.forEach((sendAt, i) => {
        const { id, orgId, eventId, webhookId, attempts, retryBase, isTest } = mine[i];
        claimed.push({ id, orgId, eventId, webhookId, attempts, retryBase, isTest, sendAt });
      });
    }
    if (claimed.length) {
      // One statement: the webhooks' next free slots (their rows are locked above) and the claimed rows' leases.
      await tx.execute(sql`
        with slots as (
          update ${webhooks} as w set next_slot_at = v.next::timestamptz
          from unnest(${sql.param(advanced.map((a) => a.id))}::uuid[], ${sql.param(advanced.map((a) => a.next))}::text[]) as v(id, next)
          where w.id = v.id
        )
        update ${deliveries} set status = 'sending', lease_until = ${new Date(now + leaseMs).toISOString()}::timestamptz,
          leased_by = ${workerId}, claims = claims + 1, updated_at = ${nowDate.toISOString()}::timestamptz
        where id = any(${sql.param(claimed.map((c) => c.id))}::uuid[])`);
    }
    return claimed;
  });
}

/** The soonest time anything becomes due, to sleep until then (bounded by the poll interval). */
export async function nextDueAt(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${deliveries.nextAttemptAt})` })
    .from(deliveries)
    .where(inArray(deliveries.status, ["pending", "failed"]));
  return row?.at ? new Date(row.at).getTime() : null;
}

type DueRow = {
  id: string;
  orgId: string;
  eventId: string;
  webhookId: string;
  attempts: number;
  retryBase: number;
  isTest: boolean;
  claims: number;
  webhookStatus: string;
  /** The webhook's row, locked (FOR NO KEY UPDATE) for the slot reservation. */
  webhook: { id: string; rateLimit: number; nextSlotAtMs: number };
};

/**
 * Due deliveries, fairly: each webhook contributes its oldest due rows (at most what its rate limit can use within
 * the slot horizon, and at most twice its even share of the batch), and the batch takes them round-robin — first
 * every org's oldest, then every webhook's oldest, and so on. One org's backlog of thousands therefore never keeps
 * another org's single due event out of a claim. Rows are locked FOR NO KEY UPDATE SKIP LOCKED as they are picked,
 * so concurrent workers get different rows.
 *
 * The share bounds what a claim reads, locks and sorts: 20 busy webhooks give 200 candidates for a batch of 100, not
 * 2,000. When a few webhooks have less than their share the batch comes out short; the next claim, with fewer due
 * webhooks, gives the others a larger share.
 *
 * A delivery in `sending` always has next_attempt_at ≤ its claim time, so `next_attempt_at <= now` bounds the
 * index range for expired leases too.
 */
async function selectDueFairly(tx: Tx, { now, limit }: { now: number; limit: number }): Promise<DueRow[]> {
  const nowIso = new Date(now).toISOString();
  const due = (alias: "d" | "e") => {
    const a = sql.raw(alias);
    return sql`${a}.webhook_id = w.id
          and ${a}.status in ('pending', 'failed', 'sending')
          and ${a}.next_attempt_at <= ${nowIso}::timestamptz
          and (${a}.status <> 'sending' or ${a}.lease_until < ${nowIso}::timestamptz)
          and (w.paused_at is null or ${a}.is_test)`; // paused: events wait (tests still go out)
  };
  const result = await tx.execute<Record<string, unknown>>(sql`
    with hooks as (
      select w.id, w.status, w.paused_at, w.rate_limit
      from ${webhooks} w
      -- One index probe per webhook (an EXISTS would be planned as a join over every due row).
      cross join lateral (select 1 from ${deliveries} e where ${due("e")} limit 1) e
      where w.next_slot_at < ${new Date(now + HORIZON_MS).toISOString()}::timestamptz
    ),
    share as (select ceil(2.0 * ${limit}::int / greatest(count(*), 1))::int as n from hooks),
    candidates as (
      select d.id, d.org_id, d.event_id, d.webhook_id, d.attempts, d.retry_base, d.is_test, d.claims, d.next_attempt_at, w.status as webhook_status,
             row_number() over (partition by d.webhook_id order by d.next_attempt_at) as hook_rank
      from hooks w
      cross join share
      cross join lateral (
        select d.id, d.org_id, d.event_id, d.webhook_id, d.attempts, d.retry_base, d.is_test, d.claims, d.next_attempt_at
        from ${deliveries} d
        where ${due("d")}
        order by d.next_attempt_at
        limit least(${limit}::int, w.rate_limit + 1, share.n)
        for no key update of d skip locked
      ) d
    ),
    picked as (
      select *, row_number() over (partition by org_id order by hook_rank, next_attempt_at) as org_rank
      from candidates
      order by org_rank, hook_rank, next_attempt_at
      limit ${limit}::int
    ),
    -- The picked rows' webhooks, locked in id order (so concurrent claims never deadlock) for their send slots.
    locked as (
      select w.id, w.rate_limit, w.next_slot_at from ${webhooks} w
      where w.id in (select webhook_id from picked)
      order by w.id
      for no key update
    )
    select picked.*, locked.rate_limit as slot_limit, floor(extract(epoch from locked.next_slot_at) * 1000) as slot_next_ms
    from picked join locked on locked.id = picked.webhook_id
    order by org_rank, hook_rank, next_attempt_at`);
  return result.rows.map((r) => ({
    id: String(r.id),
    orgId: String(r.org_id),
    eventId: String(r.event_id),
    webhookId: String(r.webhook_id),
    attempts: Number(r.attempts),
    retryBase: Number(r.retry_base),
    isTest: r.is_test === true || r.is_test === "t",
    claims: Number(r.claims),
    webhookStatus: String(r.webhook_status),
    webhook: { id: String(r.webhook_id), rateLimit: Number(r.slot_limit), nextSlotAtMs: Number(r.slot_next_ms) },
  }));
}

/** Renews every lease this worker holds, so a send that takes long never lets another worker take its delivery over. */
export async function extendLeases(db: Db, { workerId, leaseMs, now = Date.now() }: { workerId: string; leaseMs: number; now?: number }) {
  await db
    .update(deliveries)
    .set({ leaseUntil: new Date(now + leaseMs) })
    .where(and(eq(deliveries.leasedBy, workerId), eq(deliveries.status, "sending")));
}
