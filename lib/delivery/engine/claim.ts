import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, webhooks } from "@/lib/db/schema";
import { reserveSlots } from "../rate-limit";

export type ClaimedDelivery = { id: string; orgId: string; eventId: string; webhookId: string; attempts: number; retryBase: number; isTest: boolean; sendAt: number };

/** How long a claim is held: longer than the slot wait (≤ 1 s) + the request timeout (15 s) + writing the result. */
export const LEASE_MS = 60_000;
const HORIZON_MS = 1_000;
const NOT_SENDABLE = ["suspended", "disabled", "pending"];

/**
 * Claims due deliveries (and expired leases) in one transaction: FOR UPDATE SKIP LOCKED, so workers never
 * share a row, and per-webhook send slots reserved on the webhook row, so limits hold across processes.
 */
export async function claimBatch(
  db: Db,
  { workerId, limit = 100, now: fixedNow, leaseMs = LEASE_MS, leadMs = 0 }: { workerId: string; limit?: number; now?: number; leaseMs?: number; leadMs?: number },
) {
  let now = fixedNow ?? Date.now();
  let nowDate = new Date(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id, orgId: deliveries.orgId, eventId: deliveries.eventId, webhookId: deliveries.webhookId, attempts: deliveries.attempts, retryBase: deliveries.retryBase, isTest: deliveries.isTest, webhookStatus: webhooks.status })
      .from(deliveries)
      .innerJoin(webhooks, eq(webhooks.id, deliveries.webhookId))
      .where(
        and(
          or(and(inArray(deliveries.status, ["pending", "failed"]), lte(deliveries.nextAttemptAt, nowDate)), and(eq(deliveries.status, "sending"), lt(deliveries.leaseUntil, nowDate))),
          lt(webhooks.nextSlotAt, new Date(now + HORIZON_MS)),
          or(isNull(webhooks.pausedAt), eq(deliveries.isTest, true)), // paused: events wait (tests still go out)
        ),
      )
      .orderBy(asc(deliveries.nextAttemptAt))
      .limit(limit)
      // NO KEY UPDATE, not UPDATE: publishers' inserts (foreign-key KEY SHARE locks on these rows) never wait for a claim.
      .for("no key update", { of: deliveries, skipLocked: true });
    if (due.length === 0) return [];

    // Events for a suspended or disabled webhook are diverted, not sent (tests still go out).
    const divert = due.filter((d) => !d.isTest && NOT_SENDABLE.includes(d.webhookStatus));
    for (const reason of ["suspended", "disabled"] as const) {
      const ids = divert.filter((d) => (reason === "suspended" ? d.webhookStatus === "suspended" : d.webhookStatus !== "suspended")).map((d) => d.id);
      if (ids.length === 0) continue;
      await tx
        .update(deliveries)
        .set({ status: "diverted", divertedReason: reason, divertedAt: nowDate, leaseUntil: null, leasedBy: null, updatedAt: nowDate })
        .where(inArray(deliveries.id, ids));
    }
    const sendable = due.filter((d) => !divert.includes(d));
    const webhookIds = [...new Set(sendable.map((d) => d.webhookId))].sort();
    if (webhookIds.length === 0) return [];
    const limits = await tx
      .select({ id: webhooks.id, rateLimit: webhooks.rateLimit, nextSlotAt: webhooks.nextSlotAt })
      .from(webhooks)
      .where(inArray(webhooks.id, webhookIds))
      .orderBy(asc(webhooks.id))
      .for("no key update");
    // Slots count from when the webhook rows are ours (another worker may have held them a while), not from
    // when the claim began: a slot already in the past would be sent late, in a burst with the next ones.
    now = fixedNow ?? Date.now();
    nowDate = new Date(now);

    const claimed: ClaimedDelivery[] = [];
    const advanced: SQL[] = [];
    for (const w of limits) {
      const mine = sendable.filter((d) => d.webhookId === w.id);
      // leadMs: how far ahead this worker needs its slots to meet them (it has been late recently; see worker.ts).
      const { slots, nextSlotAt } = reserveSlots({ now: now + leadMs, nextSlotAt: w.nextSlotAt.getTime(), limit: w.rateLimit, wanted: mine.length, horizonMs: HORIZON_MS });
      if (slots.length === 0) continue;
      advanced.push(sql`(${w.id}, ${new Date(nextSlotAt).toISOString()})`);
      slots.forEach((sendAt, i) => claimed.push({ ...mine[i], sendAt }));
    }
    if (advanced.length) {
      // One statement for all webhooks of the batch (their rows are locked above).
      await tx.execute(sql`
        update ${webhooks} as w set next_slot_at = v.next::timestamptz
        from (values ${sql.join(advanced, sql`, `)}) as v(id, next)
        where w.id = v.id::uuid`);
    }
    if (claimed.length) {
      await tx
        .update(deliveries)
        .set({ status: "sending", leaseUntil: new Date(now + leaseMs), leasedBy: workerId, updatedAt: nowDate })
        .where(inArray(deliveries.id, claimed.map((c) => c.id)));
    }
    return claimed;
  });
}

/** The soonest time anything becomes due, to sleep until then (bounded by the poll interval). */
export async function nextDueAt(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${deliveries.nextAttemptAt})` })
    .from(deliveries)
    .where(inArray(deliveries.status, ["pending", "failed"]));
  return row?.at ? new Date(row.at).getTime() : null;
}
