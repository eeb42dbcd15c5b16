/**
 * Keeps each webhook's sends in queue order (oldest due first, which is publication order for new events) when a
 * send slot is missed. A missed delivery goes back to the queue; a later delivery of the same webhook that reaches
 * its slot before that one has been given back would overtake it, so it is given back too. Once every delivery given
 * back has been released, the next claim takes them all again, oldest first.
 */
export function queueOrder() {
  /** Per webhook: how many of its deliveries were given back and are not released yet. */
  const open = new Map<string, number>();
  const webhookOf = new Map<string, string>();
  return {
    /** At a delivery's slot: may it be sent, or would it overtake one of its webhook's given back before it? */
    mayGo: (webhookId: string) => !open.has(webhookId),
    /** A delivery goes back to the queue (missed its slot, or held back by `mayGo`). */
    givenBack(deliveryId: string, webhookId: string) {
      webhookOf.set(deliveryId, webhookId);
      open.set(webhookId, (open.get(webhookId) ?? 0) + 1);
    },
    /** Those deliveries are due again in the database: their webhooks' later deliveries may go once all are back. */
    released(deliveryIds: string[]) {
      for (const id of deliveryIds) {
        const webhookId = webhookOf.get(id);
        if (webhookId === undefined) continue;
        webhookOf.delete(id);
        const left = (open.get(webhookId) ?? 1) - 1;
        if (left > 0) open.set(webhookId, left);
        else open.delete(webhookId);
      }
    },
  };
}
export type QueueOrder = ReturnType<typeof queueOrder>;
