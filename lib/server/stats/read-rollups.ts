import "server-only";
import { and, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, deliveryRollups, LATENCY_BOUNDS_MS } from "@/lib/db/schema";
import { STATS_RANGES, type Backlog, type DeliveryStats, type StatsRange } from "@/lib/schemas/stats";
import { percentileFromBuckets, successRate } from "./latency";

const ORIGIN = "2000-01-01T00:00:00Z";
const bucketColumns = [...LATENCY_BOUNDS_MS.map((b) => `le_${b}`), "le_inf"];
const bucketSums = sql.raw(bucketColumns.map((c) => `sum(${c})::int`).join(", "));
type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;

/** The window of a range: `to` is now, `from` aligned down to a whole step so points do not shift as time passes. */
export function rangeWindow(range: StatsRange, now = Date.now()) {
  const { ms, stepMs, rollupSeconds } = STATS_RANGES[range];
  const end = Math.floor(now / stepMs) * stepMs + stepMs;
  return { from: new Date(end - ms), to: new Date(now), stepMs, count: Math.round(ms / stepMs), rollupSeconds };
}

/** The rollup rows a range reads: one granularity (minutes for the hour, hours beyond), from the window's start. */
export function rangeRows(range: StatsRange, now?: number): SQL {
  const w = rangeWindow(range, now);
  return and(gte(deliveryRollups.bucketStart, w.from), eq(deliveryRollups.bucketSeconds, w.rollupSeconds))!;
}

/**
 * Attempts by outcome and latency per step of the range, from the rollups (minute rows for the last hour, hour rows for
 * longer ranges), for an org or one webhook — and, from the same pass, each webhook's totals (the overview ranks its
 * failing webhooks from them). Empty steps are filled with zeros.
 */
export async function readRollups(db: Db, { orgId, webhookId, range, now }: { orgId: string; webhookId?: string; range: StatsRange; now?: number }) {
  const w = rangeWindow(range, now);
  const where = and(eq(deliveryRollups.orgId, orgId), webhookId ? eq(deliveryRollups.webhookId, webhookId) : undefined, rangeRows(range, now));
  // One scan, two groupings: per step (the series) and per webhook (their totals).
  const result = await db.execute(sql`
    select webhook_id, extract(epoch from date_bin(${`${w.stepMs / 1000} seconds`}::interval, bucket_start, ${ORIGIN}::timestamptz)) * 1000 as t,
      grouping(webhook_id) = 1 as per_step,
      sum(succeeded)::int as succeeded, sum(failed)::int as failed, sum(diverted)::int as diverted, array[${bucketSums}] as buckets
    from ${deliveryRollups} where ${where} group by grouping sets ((2), (1))`);
  const byTime = new Map<number, Row>();
  const byWebhook = new Map<string, { succeeded: number; failed: number; diverted: number }>();
  for (const r of rowsOf(result)) {
    if (r.per_step === true || r.per_step === "t") byTime.set(Number(r.t), r);
    else byWebhook.set(String(r.webhook_id), { succeeded: Number(r.succeeded), failed: Number(r.failed), diverted: Number(r.diverted) });
  }
  const totalBuckets = bucketColumns.map(() => 0);
  const totals = { succeeded: 0, failed: 0, diverted: 0 };
  const points = Array.from({ length: w.count }, (_, i) => {
    const t = w.from.getTime() + i * w.stepMs;
    const r = byTime.get(t);
    const buckets = ((r?.buckets as unknown[] | undefined) ?? bucketColumns.map(() => 0)).map(Number);
    buckets.forEach((c, j) => (totalBuckets[j] += c));
    const point = {
      t: new Date(t).toISOString(),
      succeeded: Number(r?.succeeded ?? 0),
      failed: Number(r?.failed ?? 0),
      diverted: Number(r?.diverted ?? 0),
      p50: percentileFromBuckets(buckets, 0.5),
      p95: percentileFromBuckets(buckets, 0.95),
    };
    totals.succeeded += point.succeeded;
    totals.failed += point.failed;
    totals.diverted += point.diverted;
    return point;
  });
  const attempts = totals.succeeded + totals.failed + totals.diverted;
  const series = {
    range,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    stepMs: w.stepMs,
    points,
    totals: {
      ...totals,
      attempts,
      successRate: successRate(totals.succeeded, attempts),
      p50: percentileFromBuckets(totalBuckets, 0.5),
      p95: percentileFromBuckets(totalBuckets, 0.95),
    },
  } satisfies Omit<DeliveryStats, "backlog">;
  return { series, byWebhook };
}

/** Deliveries waiting to be sent and how late the oldest due one is (the org/status index; no attempts scan). */
export async function readBacklog(db: Db, { orgId, webhookId }: { orgId: string; webhookId?: string }): Promise<Backlog> {
  const scope: SQL | undefined = and(
    eq(deliveries.orgId, orgId),
    inArray(deliveries.status, ["pending", "failed"]),
    webhookId ? eq(deliveries.webhookId, webhookId) : undefined,
  );
  const [row] = await db
    .select({
      queued: sql<number>`count(*)::int`,
      oldest: sql<number | null>`extract(epoch from now() - min(${deliveries.nextAttemptAt}) filter (where ${deliveries.nextAttemptAt} <= now()))`,
    })
    .from(deliveries)
    .where(scope);
  return { queued: Number(row?.queued ?? 0), oldestDueSeconds: row?.oldest == null ? null : Math.max(0, Math.round(Number(row.oldest))) };
}
