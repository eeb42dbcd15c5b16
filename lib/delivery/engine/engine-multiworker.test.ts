// PostgreSQL mode with real `npm run worker` processes: two workers share 5,000 events; one is SIGKILLed
// mid-run while it holds leases. Every delivery still arrives, duplicates come only from the killed worker's
// leases, and no receiver ever sees more than its webhook's rate limit in any one-second window.
// PGlite allows one process, so this runs only with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { testActor } from "@/lib/testing/engine";
import { spawnWorkerProcess, type WorkerProcess } from "@/lib/testing/worker-process";
import { deliveries } from "@/lib/db/schema";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { publishEvent } from "@/lib/server/events/publish-event";
import type { Actor } from "@/lib/server/authz";
import { maxInAnyWindow } from "@/lib/testing/max-in-window";

const EVENTS = 5_000;
const LEASE_MS = 3_000;
// Four webhooks at 100/s and one at 20/s; events are split so that each takes about 10–12 s to deliver.
const HOOKS = [
  { type: "order.created", rateLimit: 100, events: 1_200 },
  { type: "order.shipped", rateLimit: 100, events: 1_200 },
  { type: "order.canceled", rateLimit: 100, events: 1_200 },
  { type: "identity.approved", rateLimit: 100, events: 1_200 },
  { type: "identity.denied", rateLimit: 20, events: 200 },
];

describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL: two worker processes, one SIGKILLed mid-run", () => {
  const testDb = useTestDatabase();
  const workers: WorkerProcess[] = [];
  const receivers: Receiver[] = [];
  const killAll = () => workers.forEach((w) => w.signal("SIGKILL"));

  beforeAll(async () => {
    process.env.ALLOW_HTTP_TARGETS = "true";
    (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
    process.once("exit", killAll); // should the test runner itself die: no orphaned workers
    for (let i = 0; i < HOOKS.length; i++) receivers.push(await startReceiver());
  });
  afterAll(async () => {
    killAll();
    await Promise.all(workers.map((w) => w.exited));
    process.off("exit", killAll);
    await Promise.all(receivers.map((r) => r.close()));
  });

  it("delivers everything at least once, duplicates only what the killed worker held, never above a limit", async () => {
    expect(HOOKS.reduce((n, h) => n + h.events, 0)).toBe(EVENTS);
    const actor: Actor = await testActor("acme", ["admin"]);
    const hookIds: string[] = [];
    for (const [i, h] of HOOKS.entries()) {
      const input = createWebhookSchema.parse({
        name: `multi ${i}`,
        url: `${receivers[i].url}/hook`,
        auth: { type: "api_key" },
        eventTypes: [h.type],
        rateLimit: h.rateLimit,
      });
      hookIds.push((await createWebhook({ actor, input })).row.id);
    }

    // A backlog, so that the limits bind: all events published (interleaved over the webhooks) before the workers start.
    const plan = HOOKS.flatMap((h, i) => Array.from({ length: h.events }, (_, n) => ({ hook: i, n, at: n / h.events })))
      .sort((a, b) => a.at - b.at)
      .map(({ hook, n }) => ({ type: HOOKS[hook].type, id: `mw-${hook}-${n}` }));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < plan.length; i = next++) {
          const published = await publishEvent({ actor, input: { id: plan[i].id, type: plan[i].type, data: { i } } });
          if (published.deliveries !== 1) throw new Error(`${plan[i].id}: ${published.deliveries} deliveries`);
        }
      }),
    );

    const env = { DATABASE_URL: testDb.url, ALLOWED_TARGET_CIDRS: "127.0.0.0/8", ALLOW_HTTP_TARGETS: "true", DELIVERY_LEASE_MS: String(LEASE_MS) };
    workers.push(spawnWorkerProcess(env), spawnWorkerProcess(env));
    await Promise.all(workers.map((w) => w.ready));
    const workerIds = workers.map((w) => /\[worker\] (\S+) delivering/.exec(w.output())![1]);
    const started = Date.now();

    // Mid-run, once both workers have been busy: SIGKILL the one holding leases (the whole process group).
    const succeeded = async () =>
      (
        await testDb.db
          .select({ n: sql<number>`count(*)::int` })
          .from(deliveries)
          .where(eq(deliveries.status, "succeeded"))
      )[0].n;
    const leasedBy = async () =>
      new Map(
        (
          await testDb.db
            .select({ by: deliveries.leasedBy, n: sql<number>`count(*)::int` })
            .from(deliveries)
            .where(eq(deliveries.status, "sending"))
            .groupBy(deliveries.leasedBy)
        ).map((r) => [r.by, r.n]),
      );
    // Poll gently: this process also hosts the receivers, whose arrival times are the measurement.
    const poll = async <T>(fn: () => Promise<T | null>, timeoutMs: number) => {
      for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
        const v = await fn();
        if (v !== null) return v;
      }
      throw new Error(
        `timed out: ${await succeeded()} succeeded, leases ${JSON.stringify([...(await leasedBy())])}\n${workers.map((w) => w.output()).join("\n")}`,
      );
    };
    const victim = await poll(async () => {
      if ((await succeeded()) < EVENTS * 0.3) return null;
      const held = await leasedBy();
      return workerIds.find((id) => held.get(id)) ?? null;
    }, 60_000);
    const killed = workers[workerIds.indexOf(victim)];
    killed.signal("SIGKILL");
    await killed.exited;
    // Dead now: what it still leases is exactly what another worker will take over after the lease.
    const [{ n: heldAtKill }] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(and(eq(deliveries.status, "sending"), eq(deliveries.leasedBy, victim)));
    expect(heldAtKill).toBeGreaterThan(0);

    await poll(async () => ((await succeeded()) === EVENTS ? true : null), 70_000);

    const rows = await testDb.db
      .select({ eventId: deliveries.eventId, status: deliveries.status })
      .from(deliveries)
      .where(inArray(deliveries.webhookId, hookIds));
    expect(rows.length).toBe(EVENTS);
    expect(rows.filter((r) => r.status !== "succeeded")).toEqual([]);

    let duplicates = 0;
    const report: string[] = [];
    for (const [i, h] of HOOKS.entries()) {
      const requests = receivers[i].requests;
      const ids = requests.map((r) => String(r.headers["webhook-id"]));
      const unique = new Set(ids);
      const expected = Array.from({ length: h.events }, (_, n) => `mw-${i}-${n}`);
      expect(expected.filter((id) => !unique.has(id))).toEqual([]); // every delivery arrived at least once
      expect(unique.size).toBe(h.events); // and nothing else did
      duplicates += ids.length - unique.size;
      const busiest = maxInAnyWindow(requests.map((r) => r.time));
      report.push(`${h.rateLimit}/s: ${requests.length} requests, busiest second ${busiest}`);
      expect(busiest, `receiver ${i} (limit ${h.rateLimit}/s)`).toBeLessThanOrEqual(h.rateLimit);
    }
    console.log(
      `delivered in ${((Date.now() - started) / 1000).toFixed(1)} s; killed worker held ${heldAtKill} leases; ${duplicates} duplicate requests; ${report.join("; ")}`,
    );
    expect(duplicates).toBeLessThanOrEqual(heldAtKill);
  }, 150_000);
});
