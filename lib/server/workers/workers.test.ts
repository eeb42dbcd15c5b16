// Worker heartbeats, readiness, the System status and retention pruning, on the real database (PGlite, or
// PostgreSQL with DATABASE_URL).
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { testActor } from "@/lib/testing/engine";
import { auditLog, deliveries, events, organizations, workerHeartbeats } from "@/lib/db/schema";
import { heartbeats } from "@/lib/delivery/engine/heartbeat";
import { pruneOnce } from "@/lib/delivery/engine/prune";
import * as health from "@/app/api/v1/health/route";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { webhookBody } from "@/lib/testing/webhooks";
import { getSystemStatus } from "./get-system-status";
import { listWorkers } from "./list-workers";

process.env.ALLOW_HTTP_TARGETS = "true";
(globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
const testDb = useTestDatabase();
const ready = async () => {
  const res = await health.GET(new Request("http://127.0.0.1/api/v1/health?ready=1"));
  return { status: res.status, body: await res.json() };
};

describe("worker heartbeats and readiness", () => {
  it("lists workers as live, stale or gone; readiness fails when deliveries are due and no worker heartbeated for 30 s", async () => {
    const admin = await testActor("acme", ["admin"]);
    expect((await ready()).status).toBe(200); // nothing due: ready without workers

    // A due delivery and no worker.
    const webhook = (await createWebhook({ actor: admin, input: createWebhookSchema.parse(webhookBody({ url: "http://127.0.0.1:9/x" })) })).row;
    await testDb.db.insert(events).values({ orgId: admin.orgId, id: "due-1", type: "order.created", source: "t", data: {} });
    await testDb.db.insert(deliveries).values({ orgId: admin.orgId, eventId: "due-1", webhookId: webhook.id, webhookVersion: 1 });
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: "error", dueDeliveries: 1 });

    const beats = heartbeats(testDb.db, { embedded: false });
    await beats.beat({ workerId: "w-live", inFlight: 3, delivered: 10, leadMs: 0 });
    expect((await ready()).status).toBe(200);

    await testDb.db.insert(workerHeartbeats).values([
      { id: "w-stale", host: "h", pid: 2, version: "0.1.0", lastSeenAt: new Date(Date.now() - 60_000) },
      { id: "w-dead", host: "h", pid: 3, version: "0.1.0", lastSeenAt: new Date(Date.now() - 600_000) },
    ]);
    await beats.beat({ workerId: "w-stopped", inFlight: 0, delivered: 0, leadMs: 0 });
    await beats.stopped("w-stopped");
    const states = Object.fromEntries((await listWorkers(testDb.db)).map((w) => [w.id, w.state]));
    expect(states).toEqual({ "w-live": "live", "w-stale": "stale", "w-dead": "gone", "w-stopped": "gone" });

    const status = await getSystemStatus({ actor: admin });
    expect(status.queue.due).toBe(1);
    expect(status.queue.oldestDueAgeMs).toBeGreaterThanOrEqual(0);
    expect(status.workers.find((w) => w.id === "w-live")).toMatchObject({ inFlight: 3, host: expect.any(String), pid: process.pid });
    await expect(getSystemStatus({ actor: await testActor("acme", ["viewer"]) })).rejects.toMatchObject({ code: "forbidden" });
    await testDb.db.execute(sql`delete from webhooks where id = ${webhook.id}`);
  });
});

describe("retention", () => {
  it("prunes finished deliveries and events past the org's retention in batches, keeps pending ones, and audit by its own retention", async () => {
    const admin = await testActor("globex", ["admin"]);
    await testDb.db.update(organizations).set({ retentionDays: 7, auditRetentionDays: 30 }).where(eq(organizations.id, admin.orgId));
    const webhook = (await createWebhook({ actor: admin, input: createWebhookSchema.parse(webhookBody({ url: "http://127.0.0.1:9/x" })) })).row;
    // 1,200 old finished (10 days), 5 old still pending, 20 recent.
    await testDb.db.execute(sql`
      with e as (
        insert into events (org_id, id, type, source, data, time)
        select ${admin.orgId}::uuid, 'r-' || i, 'order.created', 't', '{}'::jsonb, now() - (case when i <= 1205 then interval '10 days' else interval '1 day' end)
        from generate_series(1, 1225) i returning id, time)
      insert into deliveries (org_id, event_id, webhook_id, webhook_version, status, created_at)
      select ${admin.orgId}::uuid, e.id, ${webhook.id}::uuid, 1, case when substring(e.id from 3)::int between 1201 and 1205 then 'pending' else 'succeeded' end, e.time from e`);
    await testDb.db.insert(auditLog).values([
      { orgId: admin.orgId, actorType: "system", actorLabel: "t", action: "old.thing", createdAt: new Date(Date.now() - 40 * 86_400_000) },
      { orgId: admin.orgId, actorType: "system", actorLabel: "t", action: "new.thing" },
    ]);
    const counts = await pruneOnce(testDb.db, { batch: 500 });
    expect(counts).toMatchObject({ deliveries: 1200, events: 1200, audit: 1 });
    const left = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(eq(deliveries.webhookId, webhook.id));
    expect(left[0].n).toBe(25);
    const actions = (await testDb.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, admin.orgId))).map((r) => r.a);
    expect(actions).toContain("new.thing");
    expect(actions).not.toContain("old.thing");
    // acme (30 days) lost nothing to globex's 7.
    expect((await pruneOnce(testDb.db)).deliveries).toBe(0);
  });
});
