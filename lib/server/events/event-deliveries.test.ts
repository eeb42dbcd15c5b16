import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import type { Worker } from "@/lib/delivery/engine/worker";
import * as hooks from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as eventDeliveries from "@/app/api/v1/orgs/[org]/events/[id]/deliveries/route";
import * as diverted from "@/app/api/v1/orgs/[org]/diverted-events/route";

useTestDatabase();
let worker: Worker;
let receiver: Receiver;
let admin: string, viewer: string, globex: string;
beforeAll(async () => {
  worker = await startTestWorker();
  receiver = await startReceiver();
  [admin, viewer, globex] = await Promise.all([createTestKey("acme", ["admin"]), createTestKey("acme", ["viewer"]), createTestKey("globex", ["admin"])]);
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
});

describe("an event's deliveries", () => {
  it("lists one delivery per webhook with counts on the event list, diverted ones with when; other orgs get 404", async () => {
    const once = { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 10 };
    const good = (await call(hooks.POST, { method: "POST", params: { org: "acme" }, key: admin, body: webhookBody({ url: `${receiver.url}/good` }) })).json;
    const bad = (
      await call(hooks.POST, { method: "POST", params: { org: "acme" }, key: admin, body: webhookBody({ url: `${receiver.url}/bad`, failureHandling: once }) })
    ).json;
    receiver.setHandler((r, res) => res.writeHead(r.path === "/bad" ? 500 : 200).end());
    const pub = await call(events.POST, { method: "POST", params: { org: "acme" }, key: admin, body: { type: "order.created", data: { n: 7 } } });
    expect(pub.json.deliveries).toBe(2);
    const id = pub.json.id;

    const page = await waitFor(async () => {
      const r = await call(eventDeliveries.GET, { params: { org: "acme", id }, key: viewer });
      return r.json.items.every((d: { status: string }) => d.status === "succeeded" || d.status === "diverted") && r.json;
    });
    const byHook = Object.fromEntries(page.items.map((d: { webhookId: string }) => [d.webhookId, d]));
    expect(byHook[good.id]).toMatchObject({ status: "succeeded", lastStatusCode: 200, divertedAt: null });
    expect(byHook[bad.id]).toMatchObject({ status: "diverted", divertedReason: "exhausted", lastStatusCode: 500, attempts: 1 });
    expect(Date.parse(byHook[bad.id].divertedAt)).not.toBeNaN();

    const list = await call(events.GET, { params: { org: "acme" }, key: viewer, path: "?type=order.created" });
    expect(list.json.items.find((e: { id: string }) => e.id === id)).toMatchObject({ succeeded: 1, diverted: 1, pending: 0 });
    const div = await call(diverted.GET, { params: { org: "acme" }, key: viewer, path: `?webhookId=${bad.id}` });
    expect(div.json.items[0]).toMatchObject({ eventId: id, divertedReason: "exhausted" });

    expect((await call(eventDeliveries.GET, { params: { org: "globex", id }, key: globex })).status).toBe(404);
    expect((await call(eventDeliveries.GET, { params: { org: "acme", id: "evt_nope" }, key: viewer })).status).toBe(404);
  });
});
