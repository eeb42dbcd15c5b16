import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { deliveries, webhooks } from "@/lib/db/schema";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import type { Worker } from "./worker";

const testDb = useTestDatabase();
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver?.close());

const once = { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 50 };
const statusOf = async (webhookId: string) => (await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, webhookId)))[0];

describe("SSRF guard at connect time (a worker with no allowed ranges)", () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = await startTestWorker({ allowedCidrs: "" });
  });
  afterAll(() => worker?.stop());

  it("refuses every loopback spelling and a name resolving to loopback; the listener counts zero connections", async () => {
    const actor = await testActor("acme", ["admin"]);
    const hosts = ["127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "[::ffff:7f00:1]", "localhost"];
    const ids: string[] = [];
    for (const host of hosts) {
      // Saved while the deployment allowed loopback (as in development), then sent by a worker that does not.
      const { row } = await createWebhook({
        actor,
        input: createWebhookSchema.parse(webhookBody({ url: `http://127.0.0.1:${receiver.port}/x`, failureHandling: once })),
      });
      await testDb.db
        .update(webhooks)
        .set({ url: `http://${host}:${receiver.port}/x` })
        .where(eq(webhooks.id, row.id));
      ids.push(row.id);
    }
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    for (const id of ids) {
      const d = await waitFor(async () => {
        const x = await statusOf(id);
        return x?.status === "diverted" && x;
      });
      expect(d.lastErrorClass).toBe("blocked_address");
    }
    expect(receiver.connections).toBe(0);
    await testDb.db.delete(webhooks);
  });
});

describe("responses", () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = await startTestWorker();
  });
  afterAll(() => worker?.stop());

  it("never follows a redirect, even to an allowed address", async () => {
    const target = await startReceiver();
    const actor = await testActor("acme", ["admin"]);
    const { row } = await createWebhook({ actor, input: createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/redirect`, failureHandling: once })) });
    receiver.setHandler((_r, res) => res.writeHead(302, { location: `${target.url}/inside` }).end());
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    const d = await waitFor(async () => {
      const x = await statusOf(row.id);
      return x?.status === "diverted" && x;
    });
    expect(d.lastStatusCode).toBe(302);
    expect(target.connections).toBe(0);
    await target.close();
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
  });

  it("honours Retry-After on 429", async () => {
    const actor = await testActor("acme", ["admin"]);
    const { row } = await createWebhook({
      actor,
      input: createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/busy`, failureHandling: { ...once, maxAttempts: 3 } })),
    });
    let calls = 0;
    receiver.setHandler((r, res) => {
      if (r.path === "/busy" && ++calls === 1) return res.writeHead(429, { "retry-after": "3" }).end("slow down");
      res.writeHead(200).end("ok");
    });
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    await waitFor(async () => (await statusOf(row.id))?.status === "succeeded", 15_000);
    const times = receiver.requests.filter((r) => r.path === "/busy").map((r) => r.time);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(2900); // linear interval is 1 s; Retry-After asked for 3
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
  });
});
