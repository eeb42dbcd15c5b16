import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { call, createTestKey } from "@/lib/testing/api";
import { webhookBody } from "@/lib/testing/webhooks";
import { attempts, auditLog, deliveries } from "@/lib/db/schema";
import { maxInAnyWindow } from "@/lib/testing/max-in-window";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/server/jobs/background";
import type { Worker } from "@/lib/delivery/engine/worker";
import * as webhooksRoute from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as webhookRoute from "@/app/api/v1/orgs/[org]/webhooks/[id]/route";
import * as pause from "@/app/api/v1/orgs/[org]/webhooks/[id]/pause/route";
import * as resume from "@/app/api/v1/orgs/[org]/webhooks/[id]/resume/route";
import * as recover from "@/app/api/v1/orgs/[org]/webhooks/[id]/recover/route";
import * as job from "@/app/api/v1/orgs/[org]/recovery-jobs/[id]/route";
import * as cancel from "@/app/api/v1/orgs/[org]/recovery-jobs/[id]/cancel/route";
import * as eventsRoute from "@/app/api/v1/orgs/[org]/events/route";

const testDb = useTestDatabase();
let worker: Worker;
let jobs: BackgroundJobs;
let receiver: Receiver;
let key: string;
beforeAll(async () => {
  worker = await startTestWorker();
  jobs = startBackgroundJobs({ db: testDb.db, mailFrom: "x@test", pollMs: 100 });
  receiver = await startReceiver();
  key = await createTestKey("acme", ["admin"]);
});
afterAll(async () => {
  await Promise.all([worker?.stop(), jobs?.stop()]);
  await receiver?.close();
});

const org = { org: "acme" };
const publish = (data: unknown) => call(eventsRoute.POST, { method: "POST", params: org, key, path: "/events", body: { type: "order.created", data } });
async function newHook(path: string, extra: Record<string, unknown> = {}) {
  const res = await call(webhooksRoute.POST, {
    method: "POST",
    params: org,
    key,
    path: "/webhooks",
    body: webhookBody({ url: `${receiver.url}${path}`, ...extra }),
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}
const at = (path: string) => receiver.requests.filter((r) => r.path === path);

describe("who may pause and recover", () => {
  it("the server refuses testers and viewers, whatever the page shows", async () => {
    const id = await newHook("/perm");
    const p = { ...org, id };
    const now = Date.now();
    for (const role of ["tester", "viewer"] as const) {
      const other = await createTestKey("acme", [role]);
      expect((await call(pause.POST, { method: "POST", params: p, key: other, path: `/webhooks/${id}/pause` })).status).toBe(403);
      expect((await call(resume.POST, { method: "POST", params: p, key: other, path: `/webhooks/${id}/resume` })).status).toBe(403);
      const body = { from: new Date(now - 3_600_000).toISOString(), to: new Date(now).toISOString() };
      expect((await call(recover.POST, { method: "POST", params: p, key: other, path: `/webhooks/${id}/recover`, body })).status).toBe(403);
    }
  });
});

describe("pause and resume", () => {
  it("while paused 20 events queue (not diverted); resume delivers all 20, oldest first, within the rate limit", async () => {
    const id = await newHook("/paused", { rateLimit: 10 });
    const p = { ...org, id };
    expect((await call(pause.POST, { method: "POST", params: p, key, path: `/webhooks/${id}/pause` })).status).toBe(200);
    expect((await call(pause.POST, { method: "POST", params: p, key, path: `/webhooks/${id}/pause` })).status).toBe(409);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await publish({ i })).json.id);
    await new Promise((r) => setTimeout(r, 800));
    expect(at("/paused")).toHaveLength(0);
    const shown = await call(webhookRoute.GET, { params: p, key, path: `/webhooks/${id}` });
    expect(shown.json).toMatchObject({ paused: true, backlog: 20 });
    const rows = await testDb.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.webhookId, id));
    expect(rows.every((r) => r.status === "pending")).toBe(true);

    expect((await call(resume.POST, { method: "POST", params: p, key, path: `/webhooks/${id}/resume` })).status).toBe(200);
    await waitFor(() => at("/paused").length >= 20, 15_000);
    const got = at("/paused");
    expect(new Set(got.map((r) => r.headers["webhook-id"]))).toEqual(new Set(ids));
    // Publication order, where the engine keeps it (attempt start times): the claim takes the backlog oldest first, and
    // a delivery that misses its slot takes its webhook's later ones back with it (queue-order.ts).
    const sent = () =>
      testDb.db
        .select({ eventId: deliveries.eventId })
        .from(attempts)
        .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
        .where(eq(deliveries.webhookId, id))
        .orderBy(attempts.startedAt);
    await waitFor(async () => (await sent()).length === 20, 5_000); // results are written in batches
    expect((await sent()).map((s) => s.eventId)).toEqual(ids);
    expect(
      maxInAnyWindow(
        got.map((r) => r.time),
        1_000,
      ),
    ).toBeLessThanOrEqual(10);
    const audit = await testDb.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.paused", "webhook.resumed"]));
  });
});

describe("recover by time range", () => {
  it("redelivers exactly the failed and diverted deliveries inside a 2-hour range, as a job that reaches 100 %", async () => {
    const id = await newHook("/recover", {
      rateLimit: 50,
      failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 1000 },
    });
    receiver.setHandler((r, res) => (r.path === "/recover" ? res.writeHead(500).end("down") : res.writeHead(200).end("ok")));
    const hoursAgo = [3.5, 2.9, 2.5, 1.5, 1.1, 0.5];
    const ids: string[] = [];
    for (const h of hoursAgo) ids.push((await publish({ h })).json.id);
    await waitFor(async () => (await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, id))).every((d) => d.status === "diverted"));
    for (const [i, h] of hoursAgo.entries()) {
      await testDb.db.execute(
        sql`update deliveries set created_at = now() - make_interval(secs => ${h * 3600}) where webhook_id = ${id} and event_id = ${ids[i]}`,
      );
    }
    receiver.requests.length = 0;
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    const now = Date.now();
    const body = { from: new Date(now - 3 * 3600_000).toISOString(), to: new Date(now - 3600_000).toISOString() };
    const bad = await call(recover.POST, {
      method: "POST",
      params: { ...org, id },
      key,
      path: `/webhooks/${id}/recover`,
      body: { from: body.to, to: body.from },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([{ path: "to", message: "To must be after From." }]);
    const started = await call(recover.POST, { method: "POST", params: { ...org, id }, key, path: `/webhooks/${id}/recover`, body });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: "queued", total: 4, done: 0 });
    const finished = await waitFor(async () => {
      const j = await call(job.GET, { params: { ...org, id: started.json.id }, key, path: `/recovery-jobs/${started.json.id}` });
      return j.json.status === "succeeded" && j.json;
    });
    expect(finished).toMatchObject({ total: 4, done: 4, redelivered: 4, percent: 100 });
    const inside = ids.slice(1, 5);
    await waitFor(() => at("/recover").length >= 4);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      at("/recover")
        .map((r) => r.headers["webhook-id"])
        .sort(),
    ).toEqual([...inside].sort());
    const outside = await testDb.db
      .select({ status: deliveries.status })
      .from(deliveries)
      .where(and(eq(deliveries.webhookId, id), inArray(deliveries.eventId, [ids[0], ids[5]])));
    expect(outside.map((d) => d.status)).toEqual(["diverted", "diverted"]);
    const cancelled = await call(cancel.POST, {
      method: "POST",
      params: { ...org, id: started.json.id },
      key,
      path: `/recovery-jobs/${started.json.id}/cancel`,
    });
    expect(cancelled.status).toBe(409);
    const audit = await testDb.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, started.json.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["recovery.finished", "recovery.started"]);
  });
});
