import "server-only";

/**
 * Gap between two sends. The 8 % margin is what lets a send leave a little after its slot (timers, a busy
 * event loop, the network) without ever putting `limit + 1` sends into one second: see slotToleranceMs.
 */
export function slotSpacingMs(limit: number): number {
  return Math.ceil((1000 / limit) * 1.08);
}

/**
 * How late after its slot a send may still leave. Sends within [slot, slot + t] with t ≤ limit × spacing − 1000
 * can never put more than `limit` into any 1 s window (the slots of one window then lie in an interval of length
 * limit × spacing). A third of that margin goes to the sender; two thirds are left for the way to the receiver
 * (network, and the receiver's own scheduling, which on a busy host jitters by tens of milliseconds).
 * A send that misses its slot by more must not go out: it gives the slot back and is claimed again.
 */
export function slotToleranceMs(limit: number): number {
  return Math.floor((limit * slotSpacingMs(limit) - 1000) / 3);
}

/**
 * The slot rule. The claim statement applies it in SQL (claim.ts), in the same round trip as the claim itself;
 * engine/claim-slots.test.ts holds that statement to this function, and the tests below hold this function to the
 * limit.
 *
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
