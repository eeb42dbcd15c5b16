import { LATENCY_BOUNDS_MS } from "@/lib/db/schema";

/**
 * Pure: a percentile from bucket counts, interpolated linearly inside its bucket (as Prometheus' histogram_quantile
 * does); the open-ended last bucket answers its lower bound. Null when there is nothing to measure.
 */
export function percentileFromBuckets(counts: number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > 0 && seen + counts[i] >= rank) {
      if (i === LATENCY_BOUNDS_MS.length) return LATENCY_BOUNDS_MS[i - 1];
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
      return Math.round(lower + ((LATENCY_BOUNDS_MS[i] - lower) * (rank - seen)) / counts[i]);
    }
    seen += counts[i];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}

export const successRate = (succeeded: number, attempts: number) => (attempts === 0 ? null : succeeded / attempts);
