import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { LATENCY_BOUNDS_MS } from "@/lib/db/schema";

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows?: Row[] }).rows ?? (r as Row[]);
const n = (v: unknown) => Number(v ?? 0);

/**
 * The delivery figures of every organization, read from shared state at scrape time (rollups, deliveries), so several
 * worker processes never need aggregating: outcomes and durations from the hour and all-time rollup rows (monotonic:
 * compaction folds hours into the all-time row, never drops them), queue depth, oldest due age and in-flight sends
 * from the deliveries table's due index.
 */
export async function readDeliveryMetrics(db: DbOrTx) {
  const buckets = [...LATENCY_BOUNDS_MS.map((b) => `sum(r.le_${b})`), "sum(r.le_inf)"].join(", ");
  const [outcomes, queue] = await Promise.all([
    db.execute(sql`
      select o.slug as org, sum(r.succeeded) as succeeded, sum(r.failed) as failed, sum(r.diverted) as diverted,
        sum(r.duration_ms_sum) as duration_ms_sum, array[${sql.raw(buckets)}]::bigint[] as buckets
      from delivery_rollups r join organizations o on o.id = r.org_id where r.bucket_seconds <> 60 group by o.slug order by o.slug`),
    db.execute(sql`
      select o.slug as org,
        count(*) filter (where d.status in ('pending', 'failed')) as queued,
        count(*) filter (where d.status = 'sending' and d.lease_until > now()) as in_flight,
        extract(epoch from now() - min(d.next_attempt_at) filter (where d.status in ('pending', 'failed') and d.next_attempt_at <= now())) as oldest_due_s
      from deliveries d join organizations o on o.id = d.org_id
      where d.status in ('pending', 'failed', 'sending') group by o.slug order by o.slug`),
  ]);
  return {
    outcomes: rowsOf(outcomes).map((r) => ({
      org: String(r.org),
      succeeded: n(r.succeeded),
      failed: n(r.failed),
      diverted: n(r.diverted),
      durationMsSum: n(r.duration_ms_sum),
      buckets: (r.buckets as unknown[]).map(n),
    })),
    queue: rowsOf(queue).map((r) => ({ org: String(r.org), queued: n(r.queued), inFlight: n(r.in_flight), oldestDueSeconds: n(r.oldest_due_s) })),
  };
}
export type DeliveryMetrics = Awaited<ReturnType<typeof readDeliveryMetrics>>;
