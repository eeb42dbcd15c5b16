// Growth: does delivery slow down as history piles up? Drain throughput with empty tables, then again with
// BENCH_GROWTH_ROWS (default 1,000,000) finished deliveries and their attempts inserted with generate_series;
// and the delivery log and events list p95 with that history. PostgreSQL with DATABASE_URL, else PGlite.
// BENCH_GROWTH_DRAIN (default 5,000) sets the events drained per run.
import path from "node:path";
import { fork } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { webhooks } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed";
import { parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { startWorker } from "@/lib/delivery/engine/worker";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { deliveryListQuerySchema } from "@/lib/schemas/delivery";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";
import { listEvents } from "@/lib/server/events/list-events";
import { openTestDatabase } from "@/lib/testing/open-test-database";
import { testActor } from "@/lib/testing/engine";
import { ms, timeIt } from "./_stats";

const ROWS = Number(process.env.BENCH_GROWTH_ROWS ?? 1_000_000);
const DRAIN = Number(process.env.BENCH_GROWTH_DRAIN ?? 5_000);
const HOOKS = 4;
const g = globalThis as unknown as { __wcDb?: Promise<unknown>; __wcEnv?: unknown };
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export async function benchGrowth() {
  process.env.ALLOW_HTTP_TARGETS = "true";
  process.env.ALLOWED_TARGET_CIDRS ??= "127.0.0.0/8"; // the receiver runs on loopback
  g.__wcEnv = undefined;
  const receiver = fork(path.join(import.meta.dirname, "_receiver.mjs"), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => receiver.once("message", (m: { port: number }) => resolve(m.port)));
  const handle = await openTestDatabase();
  g.__wcDb = Promise.resolve(handle);
  const db = handle.db;
  await seedDemo(db);
  const actor = await testActor("acme", ["admin"]);
  const hookIds: string[] = [];
  for (let i = 0; i < HOOKS; i++) {
    const input = createWebhookSchema.parse({
      name: `growth ${i}`,
      url: `http://127.0.0.1:${port}/g${i}`,
      auth: { type: "api_key" },
      eventTypes: ["order.created"],
      rateLimit: 100,
    });
    const { row } = await createWebhook({ actor, input });
    await db.update(webhooks).set({ rateLimit: 100_000 }).where(eq(webhooks.id, row.id)); // the engine, not the limiter
    hookIds.push(row.id);
  }
  const hookArray = sql`array[${sql.join(
    hookIds.map((h) => sql`${h}::uuid`),
    sql`, `,
  )}]`;

  /** Inserts `n` due events (one delivery each, spread over the webhooks) and times a worker draining them. */
  const drain = async (label: string) => {
    await db.execute(sql`
      with e as (
        insert into events (org_id, id, type, source, data)
        select ${actor.orgId}::uuid, ${label} || '-' || i, 'order.created', 'bench', '{"pad":"x"}'::jsonb from generate_series(1, ${DRAIN}::int) i returning id)
      insert into deliveries (org_id, event_id, webhook_id, webhook_version)
      select ${actor.orgId}::uuid, e.id, (${hookArray})[1 + (abs(hashtext(e.id)) % ${HOOKS})], 1 from e`);
    const started = performance.now();
    const worker = startWorker({ db, allowedCidrs: parseAllowedCidrs("127.0.0.0/8") });
    // Done when nothing is due any more: counted through the partial due index, as the engine reads. (Counting the
    // drained events by id scanned the whole table every 100 ms, and with a million rows that scan, not delivery,
    // was what slowed down.) The history is all finished, so the due set is exactly this drain's deliveries.
    for (;;) {
      const [{ n }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from deliveries where status in ('pending', 'failed', 'sending')`)).rows;
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rate = DRAIN / ((performance.now() - started) / 1000);
    await worker.stop();
    return rate;
  };

  const empty = await drain("empty");
  console.log(`drain, empty tables: ${fmt(empty)} deliveries/s (${fmt(DRAIN)} events, ${handle.kind})`);

  const t0 = performance.now();
  for (let done = 0; done < ROWS; done += 100_000) {
    const upto = Math.min(ROWS, done + 100_000);
    await db.execute(sql`
      with e as (
        insert into events (org_id, id, type, source, data, time)
        select ${actor.orgId}::uuid, 'old-' || i, 'order.created', 'bench', '{"pad":"x"}'::jsonb, now() - (i % 2592000) * interval '1 second'
        from generate_series(${done + 1}::int, ${upto}::int) i returning id, time),
      d as (
        insert into deliveries (org_id, event_id, webhook_id, webhook_version, status, attempts, created_at, updated_at, next_attempt_at)
        select ${actor.orgId}::uuid, e.id, (${hookArray})[1 + (abs(hashtext(e.id)) % ${HOOKS})], 1, 'succeeded', 1, e.time, e.time, e.time from e returning id, created_at)
      insert into attempts (org_id, delivery_id, attempt_no, started_at, duration_ms, request_headers, response_status)
      select ${actor.orgId}::uuid, d.id, 1, d.created_at, 12, '{"content-type":"application/json"}'::jsonb, 200 from d`);
  }
  await db.execute(sql`vacuum analyze`); // a database that has held this history a while has it vacuumed
  console.log(`history: ${fmt(ROWS)} finished deliveries + attempts inserted in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const full = await drain("full");
  console.log(`drain, with history: ${fmt(full)} deliveries/s — ${((full / empty) * 100).toFixed(0)} % of the empty-table figure (target ≥ 80 %)`);

  const log = await timeIt(50, () => listDeliveries({ actor, query: deliveryListQuerySchema.parse({ webhookId: hookIds[0] }) }));
  const list = await timeIt(50, () => listEvents({ actor, query: { count: 50 } }));
  console.log(`webhook delivery log (first page): p50 ${ms(log.p50)}, p95 ${ms(log.p95)} (target < 100 ms)`);
  console.log(`events list (first page): p50 ${ms(list.p50)}, p95 ${ms(list.p95)} (target < 100 ms)`);

  g.__wcDb = undefined;
  await handle.close();
  receiver.kill();
}
