import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { deliveryRollups, LATENCY_BOUNDS_MS } from "@/lib/db/schema";

export type AttemptResult = { orgId: string; webhookId: string; startedAt: Date; durationMs: number; outcome: "succeeded" | "failed" | "diverted" };

const COUNTERS = ["succeeded", "failed", "diverted", "duration_ms_sum", ...LATENCY_BOUNDS_MS.map((b) => `le_${b}`), "le_inf"] as const;
const COLUMNS = sql.raw(COUNTERS.map((c) => `"${c}"`).join(", "));
const INCREMENTS = sql.raw(COUNTERS.map((c) => `"${c}" = delivery_rollups."${c}" + excluded."${c}"`).join(", "));

/** Pure: which latency bucket column (index into the le_* columns) a duration falls in. */
export function latencyBucket(durationMs: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((b) => durationMs <= b);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

/** The granularities every result is counted in: minutes (the 1 h chart, kept a day) and hours (24 h and more). */
export const ROLLUP_BUCKETS = [60, 3600] as const;

/**
 * Pure: per webhook, granularity and bucket, the counters to add — sorted, so concurrent writers lock rows in the same
 * order. Each attempt lands in one minute row and one hour row.
 */
export function groupByBucket(results: AttemptResult[]) {
  const rows = new Map<string, { orgId: string; webhookId: string; bucketSeconds: number; bucketStart: Date; counts: number[] }>();
  for (const r of results) {
    for (const bucketSeconds of ROLLUP_BUCKETS) {
      const ms = bucketSeconds * 1000;
      const start = Math.floor(r.startedAt.getTime() / ms) * ms;
      const key = `${r.webhookId}/${bucketSeconds}/${start}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { orgId: r.orgId, webhookId: r.webhookId, bucketSeconds, bucketStart: new Date(start), counts: COUNTERS.map(() => 0) }));
      row.counts[["succeeded", "failed", "diverted"].indexOf(r.outcome)] += 1;
      row.counts[3] += Math.round(r.durationMs);
      row.counts[4 + latencyBucket(r.durationMs)] += 1;
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * Adds a result batch to the minute and hour counters; call it inside the transaction that records the batch.
 * Fixed text with one array parameter per column (`unnest`): a VALUES list of 19 parameters a row, built per batch,
 * was a fifth of a draining worker's query-building CPU.
 */
export async function addToRollups(tx: DbOrTx, results: AttemptResult[]) {
  if (results.length === 0) return;
  const rows = groupByBucket(results);
  const column = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
  const counters = sql.join(
    COUNTERS.map((_, k) => sql`${column((r) => r.counts[k])}::bigint[]`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into ${deliveryRollups} (org_id, webhook_id, bucket_start, bucket_seconds, ${COLUMNS})
    select * from unnest(
      ${column((r) => r.orgId)}::uuid[], ${column((r) => r.webhookId)}::uuid[],
      ${column((r) => r.bucketStart.toISOString())}::timestamptz[], ${column((r) => r.bucketSeconds)}::int[], ${counters})
    on conflict (webhook_id, bucket_seconds, bucket_start) do update set ${INCREMENTS}`);
}

/**
 * Drops minute rows older than a day (their hour rows already count them), and folds hour rows past the longest chart
 * range (35 days) into one all-time row per webhook, so the Prometheus counters read from hour rows never go down.
 * The fold is one statement (delete … returning feeding the insert): a concurrent compactor skips what this one took.
 */
export async function compactRollups(db: DbOrTx, now = new Date()) {
  const sums = sql.raw(COUNTERS.map((c) => `sum("${c}")`).join(", "));
  await db.execute(
    sql`delete from ${deliveryRollups} where bucket_seconds = 60 and bucket_start < ${new Date(now.getTime() - 24 * 3600_000).toISOString()}::timestamptz`,
  );
  await db.execute(sql`
    with moved as (delete from ${deliveryRollups} where bucket_seconds = 3600 and bucket_start < ${new Date(now.getTime() - 35 * 24 * 3600_000).toISOString()}::timestamptz returning *)
    insert into ${deliveryRollups} (org_id, webhook_id, bucket_start, bucket_seconds, ${COLUMNS})
    select org_id, webhook_id, timestamptz '1970-01-01 00:00:00+00', 0, ${sums} from moved group by 1, 2
    on conflict (webhook_id, bucket_seconds, bucket_start) do update set ${INCREMENTS}`);
}
