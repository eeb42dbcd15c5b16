// The claim statement reserves send slots in SQL; here it is held to the slot rule (reserveSlots, whose own tests
// hold it to the rate limit) for random limits, next free slots, backlogs, batch sizes and leads. Runs on PGlite and,
// with DATABASE_URL, on PostgreSQL.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { testActor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { prng } from "@/lib/testing/prng";
import { deliveries, webhooks } from "@/lib/db/schema";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { reserveSlots } from "../rate-limit";
import { claimBatch } from "./claim";

process.env.ALLOW_HTTP_TARGETS = "true";
(globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
const testDb = useTestDatabase();

describe("the claim's send slots", () => {
  it("follow the slot rule for random limits, next free slots, backlogs, batches and leads", async () => {
    const actor = await testActor("acme", ["admin"]);
    const rand = prng(20261202);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    for (let i = 0; i < 16; i++) {
      const limit = pick([1, 2, 7, 10, 27, 33, 64, 100]);
      const { row: hook } = await createWebhook({
        actor,
        input: createWebhookSchema.parse(webhookBody({ name: `slots-${i}`, url: "http://127.0.0.1:9/x", eventTypes: ["order.created"], rateLimit: limit })),
      });
      const now = Date.now() + 10_000;
      const nextSlotAt = now + Math.round(rand() * 2_900) - 2_000; // behind now, or ahead within the horizon
      const leadMs = rand() < 0.5 ? 0 : Math.round(rand() * 300);
      const backlog = 1 + Math.floor(rand() * (limit + 5));
      const batch = 1 + Math.floor(rand() * 150);
      await testDb.db
        .update(webhooks)
        .set({ nextSlotAt: new Date(nextSlotAt) })
        .where(eq(webhooks.id, hook.id));
      const rows = await testDb.db
        .insert(deliveries)
        .values(
          Array.from({ length: backlog }, (_, j) => ({
            orgId: hook.orgId,
            eventId: `e-${i}-${j}`,
            webhookId: hook.id,
            webhookVersion: hook.version,
            nextAttemptAt: new Date(now - 5_000 + j),
          })),
        )
        .returning({ id: deliveries.id });

      const claimed = await claimBatch(testDb.db, { workerId: "w", now, limit: batch, leadMs });
      const expected = reserveSlots({ now: now + leadMs, nextSlotAt, limit, wanted: Math.min(backlog, limit + 1, batch), horizonMs: 1_000 });
      const replay = `case ${i}: limit ${limit}, next slot now${nextSlotAt - now >= 0 ? "+" : ""}${nextSlotAt - now}, lead ${leadMs}, backlog ${backlog}, batch ${batch}`;
      expect(
        claimed.map((c) => c.sendAt),
        replay,
      ).toEqual(expected.slots);
      // The oldest deliveries get the earliest slots; the webhook's next free slot moves on.
      expect(
        claimed.map((c) => c.id),
        replay,
      ).toEqual(rows.slice(0, expected.slots.length).map((r) => r.id));
      const [after] = await testDb.db.select({ at: webhooks.nextSlotAt }).from(webhooks).where(eq(webhooks.id, hook.id));
      expect(after.at.getTime(), replay).toBe(expected.nextSlotAt);
      await testDb.db.delete(webhooks).where(eq(webhooks.id, hook.id)); // its deliveries go with it
    }
  });

  it("claims a delivery that is due by the database's clock though not yet by the worker's", async () => {
    // A publish's NOTIFY can wake the worker within the millisecond its row was stored (Date.now() truncates), and a
    // worker host's clock can lag the database's: either way the row is due now and must not wait for the poll.
    const actor = await testActor("acme", ["admin"]);
    const { row: hook } = await createWebhook({
      actor,
      input: createWebhookSchema.parse(webhookBody({ name: "clock", url: "http://127.0.0.1:9/x", eventTypes: ["order.created"], rateLimit: 100 })),
    });
    const [fresh] = await testDb.db
      .insert(deliveries)
      .values({ orgId: hook.orgId, eventId: "e-clock", webhookId: hook.id, webhookVersion: hook.version })
      .returning({ id: deliveries.id, at: deliveries.nextAttemptAt });
    const claimed = await claimBatch(testDb.db, { workerId: "w", now: fresh.at.getTime() - 50 });
    expect(claimed.map((c) => c.id)).toEqual([fresh.id]);
    await testDb.db.delete(webhooks).where(eq(webhooks.id, hook.id));
  });
});
