// How a rate limit is checked by tests and benchmarks: counted over sliding one-second windows, not fixed seconds.

/** The most timestamps that fall in any half-open window [t, t + windowMs). */
export function maxInAnyWindow(timestamps: readonly number[], windowMs = 1000): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
