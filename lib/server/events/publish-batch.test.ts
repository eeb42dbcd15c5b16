import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { deliveries, events as eventsTable } from "@/lib/db/schema";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import type { Worker } from "@/lib/delivery/engine/worker";
import * as hooks from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as batch from "@/app/api/v1/orgs/[org]/events/batch/route";

const t = useTestDatabase();
let worker: Worker;
let receiver: Receiver;
let admin: string, viewer: string, globex: string;
beforeAll(async () => {
  worker = await startTestWorker();
  receiver = await startReceiver();
  [admin, viewer, globex] = await Promise.all([createTestKey("acme", ["admin"]), createTestKey("acme", ["viewer"]), createTestKey("globex", ["admin"])]);
  for (const type of ["order.created", "order.created"]) {
    const res = await call(hooks.POST, {
      method: "POST",
      params: { org: "acme" },
      key: admin,
      body: webhookBody({ url: `${receiver.url}/batch`, eventTypes: [type], rateLimit: 100 }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
});

const stored = (prefix: string) =>
  t.db
    .select()
    .from(eventsTable)
    .where(like(eventsTable.id, `${prefix}%`));
const deliveriesOf = (prefix: string) =>
  t.db
    .select()
    .from(deliveries)
    .where(like(deliveries.eventId, `${prefix}%`));
const post = (body: unknown, key = admin, org = "acme") => call(batch.POST, { method: "POST", params: { org }, key, body });

describe("POST /events/batch", () => {
  it("delivers what it accepted, each event once per webhook", async () => {
    const body = { events: Array.from({ length: 10 }, (_, i) => ({ id: `b3-${i}`, type: "order.created" })) };
    expect((await post(body)).json.accepted).toBe(10);
    await waitFor(() => receiver.requests.filter((r) => String(r.headers["webhook-id"]).startsWith("b3-")).length >= 20, 80_000);
    const ids = receiver.requests.map((r) => String(r.headers["webhook-id"])).filter((id) => id.startsWith("b3-"));
    expect(new Set(ids).size).toBe(10);
  }, 90_000); // before the others fill the queue; generous for a loaded CI host

  it("answers each event: accepted, duplicate (stored or earlier in the batch), invalid with field errors — and writes nothing for the invalid ones", async () => {
    await call(events.POST, { method: "POST", params: { org: "acme" }, key: admin, body: { id: "b1-old", type: "order.created" } });
    const res = await post({
      events: [
        { id: "b1-a", type: "order.created", data: { n: 1 } },
        { id: "b1-old", type: "order.created" },
        { id: "b1-b", type: "no.such.type" },
        { id: "b1-c", type: "order.created", extra: true },
        { id: "bad id!", type: "order.created" },
        { id: "b1-a", type: "order.created" },
        { type: "order.created" },
        "not an object",
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: 2, duplicates: 2, invalid: 4 });
    const r = res.json.results;
    expect(r.map((x: { status: string }) => x.status)).toEqual(["accepted", "duplicate", "invalid", "invalid", "invalid", "duplicate", "accepted", "invalid"]);
    expect(r.map((x: { index: number }) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r[0]).toEqual({ index: 0, id: "b1-a", status: "accepted", deliveries: 2 });
    expect(r[2].errors).toEqual([{ path: "type", message: expect.stringContaining("no.such.type") }]);
    expect(r[3].errors).toEqual([{ path: "extra", message: expect.stringContaining("Unknown field") }]);
    expect(r[4].errors[0].path).toBe("id");
    expect(r[6].id).toMatch(/^evt_/);
    expect(r[7]).toMatchObject({ id: null, status: "invalid" });

    const rows = await stored("b1-");
    expect(rows.map((e) => e.id).sort()).toEqual(["b1-a", "b1-old"]);
    expect(rows.find((e) => e.id === "b1-a")!.data).toEqual({ n: 1 });
    expect(await deliveriesOf("b1-b")).toHaveLength(0);
    expect(await deliveriesOf("b1-a")).toHaveLength(2); // once, although it came twice
    expect(
      await t.db
        .select()
        .from(eventsTable)
        .where(and(eq(eventsTable.id, r[6].id))),
    ).toHaveLength(1);
  });

  it("is idempotent by id: the same batch again is all duplicates and writes nothing more", async () => {
    const body = { events: Array.from({ length: 50 }, (_, i) => ({ id: `b2-${i}`, type: "order.created", data: { i } })) };
    expect((await post(body)).json).toMatchObject({ accepted: 50, duplicates: 0, invalid: 0 });
    expect((await post(body)).json).toMatchObject({ accepted: 0, duplicates: 50, invalid: 0 });
    expect(await stored("b2-")).toHaveLength(50);
    expect(await deliveriesOf("b2-")).toHaveLength(100);
  });

  it("refuses an empty or oversized batch, a reader, and another org's key — nothing stored", async () => {
    const empty = await post({ events: [] });
    expect(empty.status).toBe(422);
    expect(empty.json.errors[0].path).toBe("events");
    const big = await post({ events: Array.from({ length: 501 }, (_, i) => ({ id: `b4-${i}`, type: "order.created" })) });
    expect(big.status).toBe(422);
    expect(big.json.errors[0]).toMatchObject({ path: "events", message: expect.stringContaining("500") });
    expect((await post({ events: [{ id: "b4-x", type: "order.created" }] }, viewer)).status).toBe(403);
    expect((await post({ events: [{ id: "b4-y", type: "order.created" }] }, globex)).status).toBe(401); // a key works for its own org only
    expect((await post({ events: [{ id: "b4-z", type: "order.created" }], more: 1 })).status).toBe(422);
    expect(await stored("b4-")).toHaveLength(0);
  });
});

describe("group commit of single publishes", () => {
  it("gives each concurrent publisher its own answer: accepted once per id, duplicates, and a 422 only for the invalid one", async () => {
    const send = (body: unknown) => call(events.POST, { method: "POST", params: { org: "acme" }, key: admin, body });
    const answers = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => send({ id: `g1-${i}`, type: "order.created", data: { i } })),
      ...Array.from({ length: 5 }, () => send({ id: "g1-same", type: "order.created" })),
      send({ id: "g1-bad", type: "no.such.type" }),
    ]);
    expect(answers.slice(0, 40).every((a) => a.status === 202 && a.json.deliveries === 2 && !a.json.duplicate)).toBe(true);
    const same = answers.slice(40, 45).map((a) => a.json.duplicate);
    expect(same.filter((d) => d === false)).toHaveLength(1);
    expect(answers[45].status).toBe(422);
    expect(answers[45].json.errors[0].path).toBe("type");
    expect(await stored("g1-")).toHaveLength(41);
    expect(await deliveriesOf("g1-")).toHaveLength(82);
  });
});
