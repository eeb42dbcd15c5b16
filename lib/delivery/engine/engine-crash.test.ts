// Claim counter: a delivery claimed again and again without a recorded result (its worker died each time: the lease
// ran out) is diverted as "crashed" instead of being retried forever; a claim given back (release) does not count.
// Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { testActor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { attempts, deliveries } from "@/lib/db/schema";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import { claimBatch, MAX_CLAIMS_WITHOUT_RESULT } from "./claim";
import { loadContext } from "./context";
import { recordOutcomes, releaseDeliveries } from "./record";

// Receivers are plain http on 127.0.0.1 (as startTestWorker allows); set before the first webhook is validated.
process.env.ALLOW_HTTP_TARGETS = "true";
(globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
const testDb = useTestDatabase();
const LEASE = 1_000;

async function oneDelivery(type: string) {
  const actor = await testActor("acme", ["admin"]);
  const { row } = await createWebhook({
    actor,
    input: createWebhookSchema.parse(webhookBody({ url: "http://127.0.0.1:9/x", eventTypes: [type], rateLimit: 100 })),
  });
  await publishEvent({ actor, input: { type, data: {} } });
  const [d] = await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, row.id));
  return d.id;
}
const row = async (id: string) => (await testDb.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];

describe("claim counter", () => {
  it(`diverts with reason "crashed" after ${MAX_CLAIMS_WITHOUT_RESULT} claims that never recorded a result`, async () => {
    const id = await oneDelivery("order.created");
    let now = Date.now() + 5_000;
    for (let i = 1; i <= MAX_CLAIMS_WITHOUT_RESULT; i++) {
      const claimed = await claimBatch(testDb.db, { workerId: `dies-${i}`, now, leaseMs: LEASE });
      expect(claimed.map((c) => c.id)).toContain(id);
      expect((await row(id)).claims).toBe(i);
      now += LEASE + 2_000; // the worker died: its lease runs out
    }
    const last = await claimBatch(testDb.db, { workerId: "next", now, leaseMs: LEASE });
    expect(last.map((c) => c.id)).not.toContain(id);
    const d = await row(id);
    expect(d).toMatchObject({ status: "diverted", divertedReason: "crashed", leasedBy: null, attempts: 0 });
  });

  it("a released claim (a missed slot, a shutdown) does not count", async () => {
    const id = await oneDelivery("order.shipped");
    const now = Date.now() + 5_000;
    for (let i = 0; i < MAX_CLAIMS_WITHOUT_RESULT + 3; i++) {
      const claimed = await claimBatch(testDb.db, { workerId: "w", now: now + i * 3_000, leaseMs: LEASE });
      expect(claimed.map((c) => c.id)).toContain(id);
      await releaseDeliveries(testDb.db, "w", [id]);
    }
    expect(await row(id)).toMatchObject({ status: "pending", claims: 0 });
  });

  it("a result from a worker whose lease was taken over is not written (the new holder's claim stands)", async () => {
    const id = await oneDelivery("invoice.paid");
    const now = Date.now() + 5_000;
    const [claimed] = await claimBatch(testDb.db, { workerId: "old", now, leaseMs: LEASE });
    expect(claimed.id).toBe(id);
    const { hooks } = await loadContext(testDb.db, [claimed]);
    await testDb.db.update(deliveries).set({ leasedBy: "new" }).where(eq(deliveries.id, id)); // the lease ran out; taken over
    const result = { ok: true, status: 200, body: "ok", durationMs: 5 };
    const outcome = { delivery: claimed, webhook: hooks.get(claimed.webhookId)!, startedAt: new Date(now), requestHeaders: {}, result };
    await recordOutcomes(testDb.db, "old", [outcome], now);
    expect(await row(id)).toMatchObject({ status: "sending", leasedBy: "new", attempts: 0 });
    expect(await testDb.db.select().from(attempts).where(eq(attempts.deliveryId, id))).toEqual([]);
    await recordOutcomes(testDb.db, "new", [outcome], now);
    expect(await row(id)).toMatchObject({ status: "succeeded", leasedBy: null, attempts: 1 });
  });
});
