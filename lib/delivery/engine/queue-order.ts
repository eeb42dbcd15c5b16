import { setMaxListeners } from "node:events";

/**
 * Keeps each webhook's sends in queue order (oldest due first, which is publication order for new events) when a
 * send slot is missed. The missed delivery goes back to the queue; a later delivery of the same webhook sent before
 * it is claimed again would overtake it. So a miss at once gives back every delivery of that webhook still waiting
 * for its slot (their `holdBack` signal fires), and a delivery claimed while one of its webhook's is held — given back
 * but not yet released to the queue — goes straight back too. Once all are released, the next claim takes them
 * again, oldest first. Wasted slots only delay the webhook (its limit is never exceeded); a miss costs it a second.
 */
export function queueOrder() {
  /** Per webhook: how many of its deliveries were given back and are not released yet. */
  const held = new Map<string, number>();
  /** Per webhook: fired on a missed slot, for the deliveries dispatched before it. */
  const holdBack = new Map<string, AbortController>();
  const webhookOf = new Map<string, string>();
  /** Give-backs counted, and per webhook the count at its latest one: a claim read before it is stale. */
  let version = 0;
  const lastGiveBack = new Map<string, number>();
  /** Per webhook: the count when its latest give-back was released. A claim read before then may have skipped the
   * given-back deliveries (still leased in its snapshot) and taken later ones. */
  const lastRelease = new Map<string, number>();
  const holdBackAll = (webhookId: string, line: AbortController) => {
    line.abort();
    if (holdBack.get(webhookId) === line) holdBack.delete(webhookId);
  };
  return {
    /** Taken before a claim is read; passed to `ticket` when its deliveries are dispatched. */
    now: () => version,
    /**
     * At dispatch, with `now()` from before its claim was read: null when the delivery must go straight back. Else its place in line: `signal` fires when an earlier
     * delivery of the webhook misses its slot; `missed()` is called the moment this one misses — synchronously, so a
     * later delivery whose slot has also passed cannot slip out in between.
     */
    ticket(webhookId: string, claimedAt: number): QueueSlot | null {
      // Held, or given back while the claim was being read (it skipped what was still leased, and took later ones).
      // Or released while it was being read: its snapshot may still have seen them leased (a flake of the e2e
      // ordering test: a claim read before a release committed, dispatched after it, overtook the released ones).
      if (held.has(webhookId) || Math.max(lastGiveBack.get(webhookId) ?? -1, lastRelease.get(webhookId) ?? -1) >= claimedAt) return null;
      let c = holdBack.get(webhookId);
      if (!c) {
        holdBack.set(webhookId, (c = new AbortController()));
        setMaxListeners(0, c.signal); // every waiting send of the webhook listens to it
      }
      const line = c;
      return { signal: line.signal, missed: () => holdBackAll(webhookId, line) };
    },
    /** A delivery goes back to the queue: it missed its slot (which holds back the rest), or was held back. */
    givenBack(deliveryId: string, webhookId: string, { missedSlot }: { missedSlot: boolean }) {
      webhookOf.set(deliveryId, webhookId);
      lastGiveBack.set(webhookId, version++);
      held.set(webhookId, (held.get(webhookId) ?? 0) + 1);
      const line = holdBack.get(webhookId);
      if (missedSlot && line) holdBackAll(webhookId, line);
    },
    /** Wakes every delivery waiting for its slot (a shutdown gives them all back). */
    wakeAll() {
      holdBack.forEach((c) => c.abort());
      holdBack.clear();
    },
    /** Those deliveries are due again in the database. */
    released(deliveryIds: string[]) {
      for (const id of deliveryIds) {
        const webhookId = webhookOf.get(id);
        if (webhookId === undefined) continue;
        webhookOf.delete(id);
        lastRelease.set(webhookId, version++);
        const left = (held.get(webhookId) ?? 1) - 1;
        if (left > 0) held.set(webhookId, left);
        else held.delete(webhookId);
      }
    },
  };
}
export type QueueOrder = ReturnType<typeof queueOrder>;
export type QueueSlot = { signal: AbortSignal; missed: () => void };
