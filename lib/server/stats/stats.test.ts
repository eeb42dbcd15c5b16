import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { testActor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { organizations } from "@/lib/db/schema";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { addToRollups, type AttemptResult } from "@/lib/delivery/observe/rollups";
import { getDeliveryOverview } from "./get-delivery-overview";
import { getWebhookStats } from "./get-webhook-stats";
import { listSuccessRates } from "./list-success-rates";

const testDb = useTestDatabase();
const NOW = Date.parse("2026-06-10T12:30:00Z");

describe("delivery stats from the rollups", () => {
  it("series, totals, top failing and success rates agree with the attempts recorded, per range and org", async () => {
    const actor = await testActor("acme", ["viewer"]);
    const make = async (name: string) =>
      (
        await createWebhook({
          actor: await testActor("acme", ["admin"]),
          input: createWebhookSchema.parse(webhookBody({ name, url: "https://example.com/h" })),
        })
      ).row.id;
    const [a, b] = [await make("stats a"), await make("stats b")];
    const [globex] = await testDb.db.select().from(organizations).where(eq(organizations.slug, "globex"));
    const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000);
    const r = (webhookId: string, minutesAgo: number, outcome: AttemptResult["outcome"], durationMs = 40, orgId = actor.orgId): AttemptResult => ({
      orgId,
      webhookId,
      startedAt: at(minutesAgo),
      durationMs,
      outcome,
    });
    await addToRollups(testDb.db, [
      r(a, 5, "succeeded"),
      r(a, 5, "succeeded", 300),
      r(a, 50, "failed"),
      r(b, 10, "diverted"),
      r(b, 10, "failed"),
      r(b, 10, "failed"),
      r(b, 120, "succeeded"), // outside the hour, inside the day
      r(a, 3 * 24 * 60, "succeeded"), // inside the week only
      r(crypto.randomUUID(), 5, "failed", 40, globex.id), // another org: never counted here
    ]);

    const hour = await getDeliveryOverview({ actor, range: "1h", now: NOW });
    expect(hour.totals).toMatchObject({ succeeded: 2, failed: 3, diverted: 1, attempts: 6 });
    expect(hour.points).toHaveLength(60);
    expect(hour.points.reduce((n, p) => n + p.succeeded + p.failed + p.diverted, 0)).toBe(6);
    expect(hour.topFailing.map((f) => [f.name, f.failed, f.diverted])).toEqual([
      ["stats b", 2, 1],
      ["stats a", 1, 0],
    ]);

    const day = await getDeliveryOverview({ actor, range: "24h", now: NOW });
    expect(day.points).toHaveLength(24);
    expect(day.totals).toMatchObject({ succeeded: 3, attempts: 7 });
    const week = await getDeliveryOverview({ actor, range: "7d", now: NOW });
    expect(week.totals).toMatchObject({ succeeded: 4, attempts: 8 });

    const hookA = await getWebhookStats({ actor, webhookId: a, range: "24h", now: NOW });
    expect(hookA.totals).toMatchObject({ succeeded: 2, failed: 1, diverted: 0, attempts: 3 });
    expect(hookA.totals.p95).toBeGreaterThan(250); // the 300 ms attempt is in the 250–500 ms bucket

    const rates = await listSuccessRates({ actor, webhookIds: [a, b], now: NOW });
    expect(rates.get(a)).toEqual({ attempts: 3, rate: 2 / 3 });
    expect(rates.get(b)).toEqual({ attempts: 4, rate: 1 / 4 });
  });
});
