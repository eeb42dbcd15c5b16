import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveryRollups, webhooks } from "@/lib/db/schema";
import type { OverviewStats, StatsRange } from "@/lib/schemas/stats";
import { assertCan, type Actor } from "../authz";
import { successRate } from "./latency";
import { rangeRows, readBacklog, readSeries } from "./read-rollups";

/** Developer → Overview: the org's deliveries over the range, backlog, top failing webhooks, webhooks needing attention. */
export async function getDeliveryOverview({ actor, range, now }: { actor: Actor; range: StatsRange; now?: number }): Promise<OverviewStats> {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const failures = sql<number>`sum(${deliveryRollups.failed} + ${deliveryRollups.diverted})::int`;
  const [series, backlog, failing, attention] = await Promise.all([
    readSeries(db, { orgId: actor.orgId, range, now }),
    readBacklog(db, { orgId: actor.orgId }),
    db
      .select({
        id: deliveryRollups.webhookId,
        name: webhooks.name,
        succeeded: sql<number>`sum(${deliveryRollups.succeeded})::int`,
        failed: sql<number>`sum(${deliveryRollups.failed})::int`,
        diverted: sql<number>`sum(${deliveryRollups.diverted})::int`,
        failures,
      })
      .from(deliveryRollups)
      .leftJoin(webhooks, eq(webhooks.id, deliveryRollups.webhookId))
      .where(and(eq(deliveryRollups.orgId, actor.orgId), rangeRows(range, now)))
      .groupBy(deliveryRollups.webhookId, webhooks.name)
      .having(sql`${failures} > 0`)
      .orderBy(desc(failures), deliveryRollups.webhookId)
      .limit(5),
    db
      .select({
        id: webhooks.id,
        name: webhooks.name,
        status: webhooks.status,
        consecutiveFailures: webhooks.consecutiveFailures,
        suspendAfterFailures: sql<number>`(${webhooks.failureHandling}->>'suspendAfterFailures')::int`,
      })
      .from(webhooks)
      .where(
        and(
          eq(webhooks.orgId, actor.orgId),
          // the same rule as the webhook page's warning: suspended, or half-way there
          or(
            inArray(webhooks.status, ["suspended"]),
            and(
              eq(webhooks.status, "active"),
              sql`${webhooks.consecutiveFailures} > 0 and ${webhooks.consecutiveFailures} * 2 >= (${webhooks.failureHandling}->>'suspendAfterFailures')::int`,
            ),
          ),
        ),
      )
      .orderBy(webhooks.name)
      .limit(20),
  ]);
  return {
    ...series,
    backlog,
    topFailing: failing.map((f) => {
      const attempts = f.succeeded + f.failed + f.diverted;
      return { id: f.id, name: f.name, failed: f.failed, diverted: f.diverted, attempts, successRate: successRate(f.succeeded, attempts) };
    }),
    attention,
  };
}
