import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { approvalsApi } from "@/lib/testing/approvals";
import { deliveries, webhooks } from "@/lib/db/schema";
import type { Worker } from "@/lib/delivery/engine/worker";
import * as hooks from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as test from "@/app/api/v1/orgs/[org]/webhooks/[id]/test/route";
import * as unsuspend from "@/app/api/v1/orgs/[org]/webhooks/[id]/unsuspend/route";
import * as log from "@/app/api/v1/orgs/[org]/webhooks/[id]/deliveries/route";
import * as delivery from "@/app/api/v1/orgs/[org]/deliveries/[id]/route";
import * as redeliver from "@/app/api/v1/orgs/[org]/deliveries/[id]/redeliver/route";
import * as diverted from "@/app/api/v1/orgs/[org]/diverted-events/route";
import * as divertedRedeliver from "@/app/api/v1/orgs/[org]/diverted-events/redeliver/route";
import * as divertedItem from "@/app/api/v1/orgs/[org]/diverted-events/[id]/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as event from "@/app/api/v1/orgs/[org]/events/[id]/route";

const testDb = useTestDatabase();
let worker: Worker;
let receiver: Receiver;
let admin: string, tester: string, viewer: string, globex: string;
beforeAll(async () => {
  worker = await startTestWorker();
  receiver = await startReceiver();
  [admin, tester, viewer, globex] = await Promise.all([
    createTestKey("acme", ["admin"]),
    createTestKey("acme", ["tester"]),
    createTestKey("acme", ["viewer"]),
    createTestKey("globex", ["admin"]),
  ]);
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
});
const acme = (extra: Record<string, string> = {}) => ({ org: "acme", ...extra });
const once = { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 2 };

async function newHook(overrides = {}) {
  const res = await call(hooks.POST, {
    method: "POST",
    params: acme(),
    key: admin,
    body: webhookBody({ url: `${receiver.url}/${Math.random()}`, ...overrides }),
  });
  expect(res.status).toBe(201);
  return res.json;
}

describe("test events and the delivery log", () => {
  it("a tester sends a test event and reads the receiver's answer; a viewer may not send", async () => {
    const hook = await newHook();
    receiver.setHandler((_r, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}'));
    expect((await call(test.POST, { method: "POST", params: acme({ id: hook.id }), key: viewer, body: { eventType: "order.created" } })).status).toBe(403);
    const sent = await call(test.POST, { method: "POST", params: acme({ id: hook.id }), key: tester, body: { eventType: "order.created" } });
    expect(sent.status).toBe(202);
    const d = await waitFor(async () => {
      const r = await call(delivery.GET, { params: acme({ id: sent.json.delivery.id }), key: viewer });
      return r.json.status === "succeeded" && r.json;
    });
    expect(d.isTest).toBe(true);
    expect(d.attempts_[0]).toMatchObject({ responseStatus: 200, responseBody: '{"received":true}' });
    expect(d.attempts_[0].requestHeaders["x-api-key"]).toBe("*****");
    expect(d.attempts_[0].requestHeaders["webhook-signature"]).toMatch(/^v1,/);
    const body = JSON.parse(receiver.requests.at(-1)!.body);
    expect(body).toMatchObject({ is_test: true, type: "order.created" });
    const page = await call(log.GET, { params: acme({ id: hook.id }), key: viewer, path: "?status=succeeded" });
    expect(page.json.items.map((x: { id: string }) => x.id)).toEqual([sent.json.delivery.id]);
    const ev = await call(event.GET, { params: acme({ id: d.eventId }), key: viewer });
    expect(ev.json).toMatchObject({ id: d.eventId, isTest: true });
    expect((await call(test.POST, { method: "POST", params: acme({ id: hook.id }), key: tester, body: { eventType: "nope.never" } })).status).toBe(422);
  });

  it("publishes through the API with idempotent ids; other orgs see 404", async () => {
    const body = { type: "order.created", data: { n: 1 }, id: "ext-123" };
    const a = await call(events.POST, { method: "POST", params: acme(), key: admin, body });
    const b = await call(events.POST, { method: "POST", params: acme(), key: admin, body });
    expect([a.status, b.status, b.json.duplicate]).toEqual([202, 202, true]);
    expect((await call(events.POST, { method: "POST", params: acme(), key: tester, body })).status).toBe(403);
    expect((await call(event.GET, { params: { org: "globex", id: "ext-123" }, key: globex })).status).toBe(404);
    const list = await call(events.GET, { params: acme(), key: viewer });
    expect(list.json.items.find((e: { id: string }) => e.id === "ext-123")).toBeDefined();
  });
});

describe("what the pages hide, the API refuses", () => {
  it("a webhook awaiting approval takes no test event (409), and nothing is queued", async () => {
    const api = approvalsApi();
    await api.setApprovals(admin, { create: true });
    try {
      const res = await api.createWebhook(admin, { url: `${receiver.url}/pending-${Math.random()}` });
      expect(res.status).toBe(202);
      const refused = await call(test.POST, { method: "POST", params: acme({ id: res.json.webhook.id }), key: tester, body: { eventType: "order.created" } });
      expect(refused.status).toBe(409);
      expect(await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, res.json.webhook.id))).toEqual([]);
    } finally {
      await api.resetApprovals();
    }
  });

  it("a delivery being sent right now cannot be redelivered; it is left as it is", async () => {
    const hook = await newHook();
    const sent = await call(test.POST, { method: "POST", params: acme({ id: hook.id }), key: tester, body: { eventType: "order.created" } });
    const id = sent.json.delivery.id;
    await waitFor(async () => (await call(delivery.GET, { params: acme({ id }), key: viewer })).json.status === "succeeded");
    // As a worker's claim leaves it: leased and in flight.
    await testDb.db
      .update(deliveries)
      .set({ status: "sending", leasedBy: "another-worker", leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(deliveries.id, id));
    const refused = await call(redeliver.POST, { method: "POST", params: acme({ id }), key: tester });
    expect(refused.status).toBe(404);
    const [row] = await testDb.db.select().from(deliveries).where(eq(deliveries.id, id));
    expect([row.status, row.leasedBy]).toEqual(["sending", "another-worker"]);
    await testDb.db.update(deliveries).set({ status: "succeeded", leasedBy: null, leaseUntil: null }).where(eq(deliveries.id, id));
  });
});

describe("suspension, diverted events, redelivery", () => {
  it("suspends, diverts, and unsuspends with redelivery of what was diverted", async () => {
    const hook = await newHook({ failureHandling: once });
    const path = new URL(hook.url).pathname;
    receiver.setHandler((r, res) => res.writeHead(r.path === path ? 500 : 200).end());
    for (let i = 0; i < 2; i++) await call(events.POST, { method: "POST", params: acme(), key: admin, body: { type: "order.created", data: { i } } });
    await waitFor(async () => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, hook.id)))[0].status === "suspended");
    await call(events.POST, { method: "POST", params: acme(), key: admin, body: { type: "order.created", data: { i: 3 } } });
    const div = await waitFor(async () => {
      const r = await call(diverted.GET, { params: acme(), key: viewer, path: `?webhookId=${hook.id}` });
      return r.json.items.length === 3 && r.json.items;
    });
    expect(div.map((d: { divertedReason: string }) => d.divertedReason).sort()).toEqual(["exhausted", "exhausted", "suspended"]);

    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    expect((await call(unsuspend.POST, { method: "POST", params: acme({ id: hook.id }), key: tester, body: { redeliverDiverted: true } })).status).toBe(403);
    const un = await call(unsuspend.POST, { method: "POST", params: acme({ id: hook.id }), key: admin, body: { redeliverDiverted: true } });
    // The failure that tripped the suspension and the event diverted while suspended; not the earlier exhausted one.
    expect(un.json).toMatchObject({ webhook: { status: "active" }, redelivered: 2 });
    await waitFor(async () => (await call(log.GET, { params: acme({ id: hook.id }), key: viewer, path: "?status=succeeded" })).json.items.length === 2);

    expect((await call(divertedRedeliver.POST, { method: "POST", params: acme(), key: tester, body: { webhookId: hook.id } })).status).toBe(403);
    const all = await call(divertedRedeliver.POST, { method: "POST", params: acme(), key: admin, body: { webhookId: hook.id } });
    expect(all.json.redelivered).toBe(1);
    await waitFor(async () => (await call(log.GET, { params: acme({ id: hook.id }), key: viewer, path: "?status=succeeded" })).json.items.length === 3);
  });

  it("redelivers one delivery with the same webhook-id, deletes diverted ones, and keeps orgs apart", async () => {
    const hook = await newHook({ failureHandling: once });
    const path = new URL(hook.url).pathname;
    receiver.setHandler((r, res) => res.writeHead(r.path === path ? 503 : 200).end());
    const { json: pub } = await call(events.POST, { method: "POST", params: acme(), key: admin, body: { type: "order.created", data: {} } });
    const d = await waitFor(async () => (await call(diverted.GET, { params: acme(), key: viewer, path: `?webhookId=${hook.id}` })).json.items[0]);
    expect((await call(redeliver.POST, { method: "POST", params: { org: "globex", id: d.id }, key: globex })).status).toBe(404);
    expect((await call(divertedItem.DELETE, { method: "DELETE", params: { org: "globex", id: d.id }, key: globex })).status).toBe(404);
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    // A production delivery is an admin's to send again; testers redeliver test deliveries only.
    expect((await call(redeliver.POST, { method: "POST", params: acme({ id: d.id }), key: tester })).status).toBe(403);
    expect((await call(redeliver.POST, { method: "POST", params: acme({ id: d.id }), key: admin })).status).toBe(202);
    await waitFor(async () => (await call(delivery.GET, { params: acme({ id: d.id }), key: viewer })).json.status === "succeeded");
    const ids = receiver.requests.filter((r) => r.path === path).map((r) => r.headers["webhook-id"]);
    expect(new Set(ids)).toEqual(new Set([pub.id]));

    receiver.setHandler((r, res) => res.writeHead(r.path === path ? 500 : 200).end());
    await call(events.POST, { method: "POST", params: acme(), key: admin, body: { type: "order.created", data: {} } });
    const d2 = await waitFor(async () => (await call(diverted.GET, { params: acme(), key: viewer, path: `?webhookId=${hook.id}` })).json.items[0]);
    expect((await call(divertedItem.DELETE, { method: "DELETE", params: acme({ id: d2.id }), key: tester })).status).toBe(403);
    expect((await call(divertedItem.DELETE, { method: "DELETE", params: acme({ id: d2.id }), key: admin })).status).toBe(204);
    expect((await call(delivery.GET, { params: acme({ id: d2.id }), key: viewer })).status).toBe(404);
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
  });
});
