import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { attempts, deliveries, webhooks } from "@/lib/db/schema";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import { maxInAnyWindow } from "@/lib/testing/max-in-window";
import type { Worker } from "./worker";

const testDb = useTestDatabase();
let worker: Worker;
let receiver: Receiver;
beforeAll(async () => {
  worker = await startTestWorker();
  receiver = await startReceiver();
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
});

const linear = { maxAttempts: 3, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 50 };
async function hook(overrides: Record<string, unknown> = {}) {
  const actor = await testActor("acme", ["admin"]);
  const input = createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/${Math.random()}`, eventTypes: ["order.created"], ...overrides }));
  const created = await createWebhook({ actor, input });
  return { actor, ...created };
}
const deliveryOf = async (webhookId: string) => (await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, webhookId)))[0];

describe("delivery engine", () => {
  it("delivers a signed, authenticated envelope that standardwebhooks verifies", async () => {
    const { actor, row, secrets } = await hook({ payload: "full", headers: { "X-Team": ["pay"] } });
    const path = new URL(row.url).pathname;
    const published = await publishEvent({ actor, input: { type: "order.created", data: { order: 7 } } });
    expect(published.deliveries).toBe(1);
    const req = await waitFor(() => receiver.requests.find((r) => r.path === path));
    expect(() => new Webhook(secrets.signingSecret).verify(req.body, req.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(secrets.signingSecret).verify(req.body.replace("7", "8"), req.headers as Record<string, string>)).toThrow();
    expect(req.headers["x-api-key"]).toBe(secrets.apiKey);
    expect(req.headers["x-team"]).toBe("pay");
    expect(req.headers["webhook-id"]).toBe(published.id);
    expect(JSON.parse(req.body)).toMatchObject({ id: published.id, type: "order.created", object: "event", is_test: false, data: { order: 7 } });
    await waitFor(async () => (await deliveryOf(row.id))?.status === "succeeded");
    await deleteWebhook({ actor, id: row.id });
  });

  it("publishing is idempotent with an id", async () => {
    const { actor, row } = await hook();
    const a = await publishEvent({ actor, input: { type: "order.created", data: {}, id: "order-42-created" } });
    const b = await publishEvent({ actor, input: { type: "order.created", data: {}, id: "order-42-created" } });
    expect([a.deliveries, b.deliveries, b.duplicate]).toEqual([1, 0, true]);
    await deleteWebhook({ actor, id: row.id });
  });

  it("retries a failing receiver with the same webhook-id until it succeeds", async () => {
    const { actor, row } = await hook({ failureHandling: linear });
    const path = new URL(row.url).pathname;
    let calls = 0;
    receiver.setHandler((r, res) => {
      if (r.path === path && ++calls < 3) return res.writeHead(500).end("not yet");
      res.writeHead(200).end("ok");
    });
    const { id } = await publishEvent({ actor, input: { type: "order.created", data: {} } });
    await waitFor(async () => (await deliveryOf(row.id))?.status === "succeeded", 10_000);
    const ids = receiver.requests.filter((r) => r.path === path).map((r) => r.headers["webhook-id"]);
    expect(ids).toEqual([id, id, id]);
    const d = await deliveryOf(row.id);
    const tries = await testDb.db.select().from(attempts).where(eq(attempts.deliveryId, d.id));
    expect(tries.map((t) => t.responseStatus).sort()).toEqual([200, 500, 500]);
    // The success ends the failure streak the two 500s started.
    await waitFor(async () => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, row.id)))[0].consecutiveFailures === 0);
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    await deleteWebhook({ actor, id: row.id });
  });

  it("records an answer with NUL bytes, quotes, backslashes and emoji once, as it came (each NUL as U+FFFD)", async () => {
    const { actor, row } = await hook();
    const path = new URL(row.url).pathname;
    const answer = `{"ok":"a\\u0000b"}\0tail '"\\ \u{1F680} é`;
    receiver.setHandler((r, res) => res.writeHead(r.path === path ? 202 : 200).end(r.path === path ? answer : "ok"));
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    await waitFor(async () => (await deliveryOf(row.id))?.status === "succeeded", 10_000);
    const tries = await testDb.db
      .select()
      .from(attempts)
      .where(eq(attempts.deliveryId, (await deliveryOf(row.id)).id));
    expect(tries.map((t) => [t.responseStatus, t.responseBody])).toEqual([[202, answer.replaceAll("\0", "\uFFFD")]]);
    expect(receiver.requests.filter((r) => r.path === path)).toHaveLength(1);
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    await deleteWebhook({ actor, id: row.id });
  });

  it("diverts after the configured attempts, and a 410 disables the webhook", async () => {
    const failing = await hook({ failureHandling: { ...linear, maxAttempts: 2 } });
    const gone = await hook();
    receiver.setHandler((r, res) => res.writeHead(r.path === new URL(gone.row.url).pathname ? 410 : 503).end("no"));
    await publishEvent({ actor: failing.actor, input: { type: "order.created", data: {} } });
    await waitFor(async () => (await deliveryOf(failing.row.id))?.status === "diverted", 10_000);
    expect((await deliveryOf(failing.row.id)).divertedReason).toBe("exhausted");
    await waitFor(async () => (await deliveryOf(gone.row.id))?.status === "diverted");
    const [w] = await testDb.db.select().from(webhooks).where(eq(webhooks.id, gone.row.id));
    expect([w.status, w.enabled]).toEqual(["disabled", false]);
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    await deleteWebhook({ actor: failing.actor, id: failing.row.id });
    await deleteWebhook({ actor: failing.actor, id: gone.row.id });
  });

  it("suspends after consecutive failures and diverts new events", async () => {
    const { actor, row } = await hook({ failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 2 } });
    receiver.setHandler((_r, res) => res.writeHead(500).end("down"));
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    await waitFor(async () => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, row.id)))[0].status === "suspended", 10_000);
    const third = await publishEvent({ actor, input: { type: "order.created", data: {} } });
    const rows = await testDb.db.select().from(deliveries).where(eq(deliveries.eventId, third.id));
    expect(rows.map((r) => [r.status, r.divertedReason])).toEqual([["diverted", "suspended"]]);
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    await deleteWebhook({ actor, id: row.id });
  });

  it("never exceeds the webhook's rate limit in any one-second window", async () => {
    const { actor, row } = await hook({ rateLimit: 5 });
    const path = new URL(row.url).pathname;
    for (let i = 0; i < 12; i++) await publishEvent({ actor, input: { type: "order.created", data: { i } } });
    await waitFor(() => receiver.requests.filter((r) => r.path === path).length === 12, 10_000);
    const times = receiver.requests.filter((r) => r.path === path).map((r) => r.time);
    expect(maxInAnyWindow(times)).toBeLessThanOrEqual(5);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(2000);
    await deleteWebhook({ actor, id: row.id });
  });
});
