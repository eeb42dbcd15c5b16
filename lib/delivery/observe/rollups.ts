import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { deliveryRollups, LATENCY_BOUNDS_MS } from "@/lib/db/schema";

export type AttemptResult = { orgId: string; webhookId: string; startedAt: Date; durationMs: number; outcome: "succeeded" | "failed" | "diverted" };

const MINUTE_MS = 60_000;
const COUNTERS = ["succeeded", "failed", "diverted", "duration_ms_sum", ...LATENCY_BOUNDS_MS.map((b) => `le_${b}`), "le_inf"] as const;

/** Pure: which latency bucket column (index into the le_* columns) a duration falls in. */
export function latencyBucket(durationMs: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((b) => durationMs <= b);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

/** Pure: per webhook and minute, the counters to add — sorted, so concurrent writers lock rows in the same order. */
export function groupByMinute(results: AttemptResult[]) {
  const rows = new Map<string, { orgId: string; webhookId: string; bucketStart: Date; counts: number[] }>();
  for (const r of results) {
    const minute = Math.floor(r.startedAt.getTime() / MINUTE_MS) * MINUTE_MS;
    const key = `${r.webhookId}/${minute}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { orgId: r.orgId, webhookId: r.webhookId, bucketStart: new Date(minute), counts: COUNTERS.map(() => 0) }));
    row.counts[["succeeded", "failed", "diverted"].indexOf(r.outcome)] += 1;
    row.counts[3] += Math.round(r.durationMs);
    row.counts[4 + latencyBucket(r.durationMs)] += 1;
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Adds a result batch to the per-minute counters; call it inside the transaction that records the batch. */
export async function addToRollups(tx: DbOrTx, results: AttemptResult[]) {
  if (results.length === 0) return;
  const values = sql.join(
    groupByMinute(results).map(
      (r) =>
        sql`(${r.orgId}::uuid, ${r.webhookId}::uuid, ${r.bucketStart.toISOString()}::timestamptz, 60, ${sql.join(
          r.counts.map((c) => sql`${c}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
  const columns = sql.raw(COUNTERS.map((c) => `"${c}"`).join(", "));
  const increments = sql.raw(COUNTERS.map((c) => `"${c}" = delivery_rollups."${c}" + excluded."${c}"`).join(", "));
  await tx.execute(sql`
    insert into ${deliveryRollups} (org_id, webhook_id, bucket_start, bucket_seconds, ${columns}) values ${values}
    on conflict (webhook_id, bucket_seconds, bucket_start) do update set ${increments}`);
}

/**
 * Folds minute rows older than a day into hour rows, and drops hour rows past the longest chart range (35 days) —
 * folding those into one all-time row per webhook, so the Prometheus counters read from here never go down.
 * Each step is one statement (delete … returning feeding the insert): a concurrent compactor skips what this one took.
 */
export async function compactRollups(db: DbOrTx, now = new Date()) {
  const sums = sql.raw(COUNTERS.map((c) => `sum("${c}")`).join(", "));
  const columns = sql.raw(COUNTERS.map((c) => `"${c}"`).join(", "));
  const increments = sql.raw(COUNTERS.map((c) => `"${c}" = delivery_rollups."${c}" + excluded."${c}"`).join(", "));
  const fold = (fromSeconds: number, olderThan: Date, toSeconds: number, bucket: ReturnType<typeof sql>) =>
    db.execute(sql`
      with moved as (delete from ${deliveryRollups} where bucket_seconds = ${fromSeconds} and bucket_start < ${olderThan.toISOString()}::timestamptz returning *)
      insert into ${deliveryRollups} (org_id, webhook_id, bucket_start, bucket_seconds, ${columns})
      select org_id, webhook_id, ${bucket}, ${toSeconds}, ${sums} from moved group by 1, 2, 3
      on conflict (webhook_id, bucket_seconds, bucket_start) do update set ${increments}`);
  await fold(60, new Date(now.getTime() - 24 * 3600_000), 3600, sql`date_bin(interval '1 hour', bucket_start, timestamptz '2000-01-01 00:00:00+00')`);
  await fold(3600, new Date(now.getTime() - 35 * 24 * 3600_000), 0, sql`timestamptz '1970-01-01 00:00:00+00'`);
}
