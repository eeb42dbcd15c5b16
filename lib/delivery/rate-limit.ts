import "server-only";

/** Gap between two sends; the 2 % margin absorbs timer and clock jitter between workers. */
export function slotSpacingMs(limit: number): number {
  return Math.ceil((1000 / limit) * 1.02);
}

/**
 * Reserves send times for up to `wanted` deliveries to one webhook, evenly spaced from
 * `nextSlotAt` (the webhook's stored next free slot) so that any 1-second window holds at
 * most `limit` sends. Only slots starting before `now + horizonMs` are handed out; store the
 * returned `nextSlotAt` (conditionally on the old value) for the next reservation.
 */
export function reserveSlots({
  now,
  nextSlotAt,
  limit,
  wanted,
  horizonMs = 1000,
}: {
  now: number;
  nextSlotAt: number | null;
  limit: number;
  wanted: number;
  horizonMs?: number;
}): { slots: number[]; nextSlotAt: number } {
  const spacing = slotSpacingMs(limit);
  const slots: number[] = [];
  let at = Math.max(now, nextSlotAt ?? now);
  while (slots.length < wanted && at < now + horizonMs) {
    slots.push(at);
    at += spacing;
  }
  return { slots, nextSlotAt: slots.length > 0 ? at : (nextSlotAt ?? now) };
}

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
