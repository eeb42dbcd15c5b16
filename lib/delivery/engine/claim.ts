import "server-only";
import { runNamed } from "@/lib/db/named-statement";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, webhooks } from "@/lib/db/schema";

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
 * Claims due deliveries (and expired leases) in one statement, so one round trip: rows FOR NO KEY UPDATE SKIP LOCKED,
 * so workers never share a row, and per-webhook send slots reserved on the webhook row (locked in the same
 * statement), so limits hold across processes. The statement also diverts what must not be sent.
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
  const now = fixedNow ?? Date.now();
  const nowIso = new Date(now).toISOString();
  const query = sql`
    with ${dueFairly({ now, limit })},
    -- What becomes of each picked row. A delivery claimed again and again without a result kills (or hangs) whoever
    -- sends it: divert it as crashed, do not retry. Events for a suspended or disabled webhook are diverted, not
    -- sent (tests still go out).
    decided as (
      select p.*, case
          when p.claims >= ${MAX_CLAIMS_WITHOUT_RESULT}::int then 'crashed'
          when p.is_test then null
          when p.webhook_status = 'suspended' then 'suspended'
          when p.webhook_status in (${sql.join(
            NOT_SENDABLE.map((s) => sql`${s}`),
            sql`, `,
          )}) then 'disabled'
        end as divert
      from picked p
    ),
    diverted as (
      update ${deliveries} d set status = 'diverted', diverted_reason = x.divert, diverted_at = ${nowIso}::timestamptz,
        lease_until = null, leased_by = null, claims = case when x.divert = 'crashed' then 0 else d.claims end,
        updated_at = ${nowIso}::timestamptz
      from decided x where d.id = x.id and x.divert is not null
    ),
    -- Each webhook's slots start at its next free slot, or now, spaced for its limit (slotSpacingMs). "Now" is taken
    -- once the webhook's row is ours (another worker may have held it a while: a slot already in the past would be
    -- sent late, in a burst with the next ones), in this worker's clock, plus how far ahead it needs its slots to
    -- meet them (leadMs: it has been late recently; see worker.ts).
    clock as (
      select l.id, ceil((1000.0::float8 / l.rate_limit) * 1.08) as spacing, extract(epoch from l.next_slot_at) * 1000 as next_ms,
        floor(${now}::float8 + ${fixedNow === undefined ? 1 : 0}::int * extract(epoch from clock_timestamp() - statement_timestamp()) * 1000) + ${leadMs}::int as now_ms
      from locked l
    ),
    ranked as (
      select x.id, x.org_id, x.event_id, x.webhook_id, x.attempts, x.retry_base, x.is_test, c.spacing, c.now_ms,
        greatest(c.now_ms, floor(c.next_ms)) + c.spacing * (row_number() over (partition by x.webhook_id order by x.hook_rank) - 1) as send_at
      from decided x join clock c on c.id = x.webhook_id
      where x.divert is null
    ),
    -- Only slots within the horizon are handed out; the rest wait for a later claim.
    slotted as (select * from ranked where send_at < now_ms + ${HORIZON_MS}::int),
    advanced as (
      update ${webhooks} w set next_slot_at = to_timestamp((s.last_at + s.spacing) / 1000.0)
      from (select webhook_id, max(send_at) as last_at, min(spacing) as spacing from slotted group by webhook_id) s
      where w.id = s.webhook_id
    ),
    leased as (
      update ${deliveries} d set status = 'sending', lease_until = ${new Date(now + leaseMs).toISOString()}::timestamptz,
        leased_by = ${workerId}, claims = d.claims + 1, updated_at = ${nowIso}::timestamptz
      from slotted s where d.id = s.id
    )
    select id, org_id, event_id, webhook_id, attempts, retry_base, is_test, send_at from slotted order by webhook_id, send_at`;
  const { sql: text, params } = (db as unknown as { dialect: { sqlToQuery(q: typeof query): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query);
  const rows = await runNamed<Record<string, unknown>>(db, "claim", text, params);
  return rows.map((r): ClaimedDelivery => ({
    id: String(r.id),
    orgId: String(r.org_id),
    eventId: String(r.event_id),
    webhookId: String(r.webhook_id),
    attempts: Number(r.attempts),
    retryBase: Number(r.retry_base),
    isTest: r.is_test === true || r.is_test === "t",
    sendAt: Number(r.send_at),
  }));
}

/**
 * The claim statement's first CTEs: `picked`, the due deliveries, and `locked`, their webhooks' rows.
 *
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
 *
 * Due is "by the worker's clock or the database's, whichever is later". A publish stores `next_attempt_at = now()`,
 * the database's time with microseconds, and its NOTIFY can wake the worker within the same millisecond: by
 * `Date.now()` alone (whole milliseconds, truncated) the new row was not due yet, and it waited out the 500 ms poll
 * (idle p99 510 ms in the probe). The database's clock also covers a worker host whose clock lags it.
 */
function dueFairly({ now, limit }: { now: number; limit: number }) {
  const nowIso = new Date(now).toISOString();
  const due = (alias: "d" | "e") => {
    const a = sql.raw(alias);
    return sql`${a}.webhook_id = w.id
          and ${a}.status in ('pending', 'failed', 'sending')
          and ${a}.next_attempt_at <= greatest(${nowIso}::timestamptz, statement_timestamp())
          and (${a}.status <> 'sending' or ${a}.lease_until < ${nowIso}::timestamptz)
          and (w.paused_at is null or ${a}.is_test)`; // paused: events wait (tests still go out)
  };
  return sql`
    hooks as (
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
    )`;
}

/** Renews every lease this worker holds, so a send that takes long never lets another worker take its delivery over. */
export async function extendLeases(db: Db, { workerId, leaseMs, now = Date.now() }: { workerId: string; leaseMs: number; now?: number }) {
  await db
    .update(deliveries)
    .set({ leaseUntil: new Date(now + leaseMs) })
    .where(and(eq(deliveries.leasedBy, workerId), eq(deliveries.status, "sending")));
}
