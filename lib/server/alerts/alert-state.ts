import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { alertState } from "@/lib/db/schema";

/** How long the same alert for the same webhook stays quiet after it was sent. */
export const COOL_DOWN_MS: Record<string, number> = {
  "webhook.failing": 60 * 60_000,
  "webhook.suspended": 10 * 60_000,
  "webhook.disabled": 10 * 60_000,
  "auth.token_failing": 60 * 60_000,
  "deliveries.diverted": 60 * 60_000,
};

/**
 * Takes the right to send `alert` for this webhook now: true unless it was sent within its cool-down.
 * One upsert, so two workers recording results at once cannot both send it.
 */
export async function takeAlertSlot(tx: Tx, { orgId, webhookId, alert, now }: { orgId: string; webhookId: string; alert: string; now: number }) {
  const cutoff = new Date(now - (COOL_DOWN_MS[alert] ?? 60 * 60_000));
  const rows = await tx
    .insert(alertState)
    .values({ orgId, webhookId, alert, lastSentAt: new Date(now) })
    .onConflictDoUpdate({
      target: [alertState.webhookId, alertState.alert],
      set: { lastSentAt: new Date(now), pendingCount: 0 },
      setWhere: sql`${alertState.lastSentAt} is null or ${alertState.lastSentAt} < ${cutoff.toISOString()}::timestamptz`,
    })
    .returning({ alert: alertState.alert });
  return rows.length > 0;
}

/** A recovery is owed once a webhook was announced failing or suspended; announced once, then cleared. */
export async function oweRecovery(tx: Tx, orgId: string, webhookId: string) {
  await tx
    .insert(alertState)
    .values({ orgId, webhookId, alert: "webhook.recovered", active: true })
    .onConflictDoUpdate({ target: [alertState.webhookId, alertState.alert], set: { active: true } });
}

/** Adds diverted deliveries to the webhook's pending digest; returns the count if the digest is due now. */
export async function addToDivertedDigest(tx: Tx, { orgId, webhookId, count, now }: { orgId: string; webhookId: string; count: number; now: number }) {
  await tx
    .insert(alertState)
    .values({ orgId, webhookId, alert: "deliveries.diverted", pendingCount: count })
    .onConflictDoUpdate({ target: [alertState.webhookId, alertState.alert], set: { pendingCount: sql`${alertState.pendingCount} + ${count}` } });
  const [row] = await tx
    .select({ pending: alertState.pendingCount })
    .from(alertState)
    .where(and(eq(alertState.webhookId, webhookId), eq(alertState.alert, "deliveries.diverted")));
  const pending = row?.pending ?? 0;
  if (pending === 0) return 0;
  // takeAlertSlot resets the pending count when it wins.
  return (await takeAlertSlot(tx, { orgId, webhookId, alert: "deliveries.diverted", now })) ? pending : 0;
}
