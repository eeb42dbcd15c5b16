import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import type { OverviewStats, StatsRange } from "@/lib/schemas/stats";
import { assertCan, type Actor } from "../authz";
import { successRate } from "./latency";
import { readBacklog, readRollups } from "./read-rollups";

/** Developer → Overview: the org's deliveries over the range, backlog, top failing webhooks, webhooks needing attention. */
export async function getDeliveryOverview({ actor, range, now }: { actor: Actor; range: StatsRange; now?: number }): Promise<OverviewStats> {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const [{ series, byWebhook }, backlog, attention] = await Promise.all([
    readRollups(db, { orgId: actor.orgId, range, now }),
    readBacklog(db, { orgId: actor.orgId }),
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
  // Ranked from the same pass as the series: most failed + diverted attempts first (ties by id, stable).
  const failing = [...byWebhook.entries()]
    .map(([id, c]) => ({ id, ...c, failures: c.failed + c.diverted }))
    .filter((f) => f.failures > 0)
    .sort((a, b) => b.failures - a.failures || (a.id < b.id ? -1 : 1))
    .slice(0, 5);
  const names = failing.length
    ? new Map(
        (
          await db
            .select({ id: webhooks.id, name: webhooks.name })
            .from(webhooks)
            .where(
              inArray(
                webhooks.id,
                failing.map((f) => f.id),
              ),
            )
        ).map((w) => [w.id, w.name]),
      )
    : new Map<string, string>();
  return {
    ...series,
    backlog,
    topFailing: failing.map((f) => {
      const attempts = f.succeeded + f.failed + f.diverted;
      return { id: f.id, name: names.get(f.id) ?? null, failed: f.failed, diverted: f.diverted, attempts, successRate: successRate(f.succeeded, attempts) };
    }),
    attention,
  };
}
