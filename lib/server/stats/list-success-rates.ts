import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveryRollups } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { successRate } from "./latency";
import { rangeRows } from "./read-rollups";

export type SuccessRate = { attempts: number; rate: number | null };

/**
 * Each listed webhook's success rate over the 24 h chart's window (whole hours). Webhooks without attempts are absent
 * from the map.
 */
export async function listSuccessRates({
  actor,
  webhookIds,
  now = Date.now(),
}: {
  actor: Actor;
  webhookIds: string[];
  now?: number;
}): Promise<Map<string, SuccessRate>> {
  assertCan(actor, "deliveries.read");
  if (webhookIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      id: deliveryRollups.webhookId,
      succeeded: sql<number>`sum(${deliveryRollups.succeeded})::int`,
      attempts: sql<number>`sum(${deliveryRollups.succeeded} + ${deliveryRollups.failed} + ${deliveryRollups.diverted})::int`,
    })
    .from(deliveryRollups)
    .where(and(eq(deliveryRollups.orgId, actor.orgId), inArray(deliveryRollups.webhookId, webhookIds), rangeRows("24h", now)))
    .groupBy(deliveryRollups.webhookId);
  return new Map(rows.map((r) => [r.id, { attempts: r.attempts, rate: successRate(r.succeeded, r.attempts) }]));
}
