import { z } from "zod";

/** The chart ranges and the width of one point in each (minute rows last a day; hour rows after that). */
export const STATS_RANGES = {
  "1h": { ms: 3_600_000, stepMs: 60_000, rollupSeconds: 60 },
  "24h": { ms: 86_400_000, stepMs: 3_600_000, rollupSeconds: 3600 },
  "7d": { ms: 604_800_000, stepMs: 3_600_000, rollupSeconds: 3600 },
  "30d": { ms: 2_592_000_000, stepMs: 86_400_000, rollupSeconds: 3600 },
} as const;
export const statsRangeSchema = z.enum(["1h", "24h", "7d", "30d"]).catch("24h");
export type StatsRange = z.infer<typeof statsRangeSchema>;
export const STATS_RANGE_LABELS: Record<StatsRange, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

/** One point of a chart: attempts by outcome and latency percentiles (null where there were no attempts). */
export type StatsPoint = { t: string; succeeded: number; failed: number; diverted: number; p50: number | null; p95: number | null };
export type StatsTotals = {
  succeeded: number;
  failed: number;
  diverted: number;
  attempts: number;
  successRate: number | null;
  p50: number | null;
  p95: number | null;
};
export type Backlog = { queued: number; oldestDueSeconds: number | null };
export type DeliveryStats = { range: StatsRange; from: string; to: string; stepMs: number; points: StatsPoint[]; totals: StatsTotals; backlog: Backlog };
export type FailingWebhook = { id: string; name: string | null; failed: number; diverted: number; attempts: number; successRate: number | null };
export type WebhookAttention = { id: string; name: string; status: string; consecutiveFailures: number; suspendAfterFailures: number };
export type OverviewStats = DeliveryStats & { topFailing: FailingWebhook[]; attention: WebhookAttention[] };
