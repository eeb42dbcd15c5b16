// Delivery: the raw undici limit against the engine (PGlite in-process; PostgreSQL with 1 and 2 worker
// processes), publish→receive latency idle and under load, rate-limit windows, worker RSS.
// BENCH_EVENTS (default 20,000) and BENCH_RATE_SECONDS (default 30) shorten a run.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fork } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Agent, request } from "undici";
import { eq } from "drizzle-orm";
import { webhooks } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed";
import { DEMO_EVENT_TYPES } from "@/lib/db/catalog";
import { parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { maxInAnyWindow } from "@/lib/delivery/rate-limit";
import { startWorker } from "@/lib/delivery/engine/worker";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { publishEvent } from "@/lib/server/events/publish-event";
import type { Actor } from "@/lib/server/authz";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/open-test-database";
import { testActor } from "@/lib/testing/engine";
import { spawnWorkerProcess, type WorkerProcess } from "@/lib/testing/worker-process";
import { percentile } from "./_stats";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 30);
const CIDRS = "127.0.0.0/8";
const g = globalThis as unknown as { __wcDb?: Promise<unknown>; __wcEnv?: unknown };
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

type Arrival = [id: string, path: string, at: number];
type Receiver = Awaited<ReturnType<typeof startReceiverProcess>>;

export async function startReceiverProcess() {
  const child = fork(path.join(import.meta.dirname, "_receiver.mjs"), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.once("message", (m: { port: number }) => resolve(m.port)));
  const take = () =>
    new Promise<Arrival[]>((resolve) => {
      child.once("message", (m: { arrivals: Arrival[] }) => resolve(m.arrivals));
      child.send({ cmd: "take" });
    });
  /** Arrivals until `count` ids matching `prefix` came in (polling the receiver process). */
  async function collect(prefix: string, count: number, timeoutMs = 600_000) {
    const got: Arrival[] = [];
    const until = Date.now() + timeoutMs;
    while (got.filter((a) => a[0].startsWith(prefix)).length < count) {
      if (Date.now() > until) throw new Error(`only ${got.length} of ${count} deliveries arrived`);
      await sleep(100);
      got.push(...(await take()));
    }
    return got.filter((a) => a[0].startsWith(prefix));
  }
  return { url: `http://127.0.0.1:${port}`, take, collect, close: () => child.kill() };
}

/** (1) The raw limit: undici's request over a 64-connection keep-alive pool, 64 in flight, 1 KiB bodies. */
async function rawLimit(url: string, n: number) {
  const agent = new Agent({ connections: 64 });
  const body = JSON.stringify({ pad: "x".repeat(1000) });
  const run = async (total: number) => {
    let next = 0;
    const loop = async () => {
      while (next++ < total) {
        const res = await request(`${url}/raw`, { dispatcher: agent, method: "POST", body, headers: { "content-type": "application/json" } });
        await res.body.text();
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: 64 }, loop));
    return total / ((performance.now() - started) / 1000);
  };
  await run(2_000);
  const rate = await run(n);
  await agent.close();
  return rate;
}

export type Setup = { handle: TestDatabase; actors: Actor[]; types: string[]; events: { actor: Actor; type: string }[] };

/** A fresh database with 2 orgs × 10 webhooks, each subscribed to its own event type; limits too high to bind. */
export async function setup(kind: "pglite" | "postgres", receiver: Receiver, limits: number[] = Array(20).fill(100_000)): Promise<Setup> {
  const saved = process.env.DATABASE_URL;
  if (kind === "pglite") delete process.env.DATABASE_URL;
  const handle = await openTestDatabase();
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  g.__wcDb = Promise.resolve(handle);
  await seedDemo(handle.db);
  const actors = [await testActor("acme", ["admin"]), await testActor("globex", ["admin"])];
  const types = DEMO_EVENT_TYPES.slice(0, 10).map((t) => t.name);
  const events: Setup["events"] = [];
  for (const [i, limit] of limits.entries()) {
    const actor = actors[Math.floor(i / 10)];
    const type = types[i % 10];
    const input = createWebhookSchema.parse({ name: `bench ${i}`, url: `${receiver.url}/w${i}`, auth: { type: "api_key" }, eventTypes: [type], payload: "full", rateLimit: Math.min(limit, 100) });
    const { row } = await createWebhook({ actor, input });
    // Above the API's 100/s on purpose: the throughput runs measure the engine, not the limiter.
    if (limit > 100) await handle.db.update(webhooks).set({ rateLimit: limit }).where(eq(webhooks.id, row.id));
    events.push({ actor, type });
  }
  return { handle, actors, types, events };
}

const DATA = { pad: "x".repeat(820) }; // envelope + data ≈ 1 KiB, like the raw run's bodies

/** Publishes ids prefix-0 … prefix-(n-1) round-robin over the webhooks, `concurrency` at a time. */
export async function publish(s: Setup, prefix: string, n: number, concurrency: number, sent = new Map<string, number>()) {
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    for (let i = next++; i < n; i = next++) {
      const { actor, type } = s.events[i % s.events.length];
      const id = `${prefix}-${i}`;
      sent.set(id, clock());
      await publishEvent({ actor, input: { id, type, data: DATA } });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { sent, rate: n / ((performance.now() - started) / 1000) };
}

type Workers = { stop(): Promise<void>; rssMiB(): number };

async function startWorkers(kind: "pglite" | "postgres", s: Setup, count: number): Promise<Workers> {
  if (kind === "pglite") {
    const worker = startWorker({ db: s.handle.db, allowedCidrs: parseAllowedCidrs(CIDRS) });
    return { stop: () => worker.stop(), rssMiB: () => process.memoryUsage().rss / 2 ** 20 };
  }
  const env = { DATABASE_URL: s.handle.url, ALLOWED_TARGET_CIDRS: CIDRS, ALLOW_HTTP_TARGETS: "true", ENCRYPTION_KEY: process.env.ENCRYPTION_KEY, AUTH_SECRET: process.env.AUTH_SECRET };
  const procs: WorkerProcess[] = Array.from({ length: count }, () => spawnWorkerProcess(env));
  await Promise.all(procs.map((p) => p.ready));
  return {
    async stop() {
      procs.forEach((p) => p.signal("SIGTERM"));
      await Promise.all(procs.map((p) => p.exited));
    },
    rssMiB: () => Math.max(...procs.map((p) => p.rssMiB())),
  };
}

function latencies(sent: Map<string, number>, arrivals: Arrival[]) {
  const first = new Map<string, number>();
  for (const [id, , at] of arrivals) if (!first.has(id)) first.set(id, at);
  const lat = [...first].map(([id, at]) => at - sent.get(id)!).sort((a, b) => a - b);
  return { p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat.at(-1)!, duplicates: arrivals.length - first.size, lastFirstArrival: Math.max(...first.values()) };
}

type ModeResult = { mode: string; publishRate: number; drain: number; e2e: number; idle: { p50: number; p99: number }; load: { p50: number; p99: number }; rss: number; loopDelayP99?: number };
const only = process.env.BENCH_MODES?.split(","); // e.g. BENCH_MODES=postgres-2 to run one mode

async function runMode(kind: "pglite" | "postgres", workers: number, receiver: Receiver, raw: number): Promise<ModeResult> {
  const mode = kind === "pglite" ? "PGlite, in-process worker" : `PostgreSQL, ${workers} worker process${workers > 1 ? "es" : ""}`;
  const s = await setup(kind, receiver);
  const concurrency = kind === "pglite" ? 4 : 8;
  const tag = crypto.randomBytes(3).toString("hex");

  // Drain: a backlog published with no worker running, then delivered.
  const backlog = await publish(s, `d${tag}`, EVENTS, concurrency);
  let peakRss = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const w = await startWorkers(kind, s, workers);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, w.rssMiB())), 250);
  const drained = await receiver.collect(`d${tag}`, EVENTS);
  loop.disable();
  const times = drained.map((a) => a[2]).sort((a, b) => a - b);
  const drain = (EVENTS - 1) / ((times.at(-1)! - times[0]) / 1000);

  // Under load: publishing as fast as `concurrency` publishers can while the workers deliver.
  const loadStart = clock();
  const loaded = await publish(s, `l${tag}`, EVENTS, concurrency);
  const loadArrivals = await receiver.collect(`l${tag}`, EVENTS);
  const load = latencies(loaded.sent, loadArrivals);
  const e2e = EVENTS / ((load.lastFirstArrival - loadStart) / 1000);
  if (process.env.BENCH_DEBUG) console.log(`  load: max latency ${fmt(load.max)} ms, ${load.duplicates} duplicates, publish ${fmt(loaded.rate)} ev/s`);

  // Idle: one event at a time.
  await sleep(500);
  const idleSent = new Map<string, number>();
  const idleArrivals: Arrival[] = [];
  for (let i = 0; i < 200; i++) {
    await publish(s, `i${tag}-${i}`, 1, 1, idleSent);
    idleArrivals.push(...(await receiver.collect(`i${tag}-${i}-`, 1, 10_000)));
    await sleep(10);
  }
  const idle = latencies(idleSent, idleArrivals);
  clearInterval(sampler);
  await w.stop();
  await s.handle.close();
  void raw;
  return { mode, publishRate: backlog.rate, drain, e2e, idle, load, rss: peakRss, loopDelayP99: kind === "pglite" ? loop.percentile(99) / 1e6 : undefined };
}

/** Limits 1, 10 and 100 for RATE_SECONDS with a backlog: what each receiver saw, and its busiest second. */
async function runRates(kind: "pglite" | "postgres", workers: number, receiver: Receiver) {
  const limits = [1, 10, 100];
  const s = await setup(kind, receiver, limits);
  const tag = crypto.randomBytes(3).toString("hex");
  for (const [i, limit] of limits.entries()) {
    const one = { ...s, events: [s.events[i]] };
    await publish(one, `r${tag}-${limit}`, Math.ceil(limit * (RATE_SECONDS + 5)), kind === "pglite" ? 4 : 8);
  }
  await receiver.take();
  const w = await startWorkers(kind, s, workers);
  await sleep((RATE_SECONDS + 2) * 1000);
  const arrivals = await receiver.take();
  await w.stop();
  await s.handle.close();
  return limits.map((limit, i) => {
    const times = arrivals.filter((a) => a[1] === `/w${i}`).map((a) => a[2]).sort((a, b) => a - b);
    const window = times.filter((t) => t < times[0] + RATE_SECONDS * 1000);
    return { limit, achieved: window.length / RATE_SECONDS, maxWindow: maxInAnyWindow(window) };
  });
}

export async function benchDelivery() {
  process.env.ALLOWED_TARGET_CIDRS = CIDRS;
  process.env.ALLOW_HTTP_TARGETS = "true";
  process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
  process.env.DATA_DIR ??= path.join(os.tmpdir(), `wc-bench-${process.pid}`);
  g.__wcEnv = undefined;
  const receiver = await startReceiverProcess();
  try {
    const raw = await rawLimit(receiver.url, EVENTS);
    console.log(`raw undici → 200-OK receiver (1 KiB POST, 64 connections): ${fmt(raw)} req/s`);
    const pg = Boolean(process.env.DATABASE_URL);
    if (!pg) console.log("(DATABASE_URL unset: PostgreSQL figures skipped)");
    const modes: ["pglite" | "postgres", number][] = [["pglite", 1], ...(pg ? ([["postgres", 1], ["postgres", 2]] as ["postgres", number][]) : [])];
    console.log(`\n${fmt(EVENTS)} events, each to one of 20 webhooks (2 orgs), bodies ≈ 1 KiB, signed, attempts recorded:`);
    console.log("| mode | publish ev/s | drain deliveries/s | vs raw | publish+deliver ev/s | latency idle p50/p99 | under load p50/p99 | worker RSS |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const [kind, workers] of modes) {
      if (only && !only.includes(kind === "pglite" ? "pglite" : `postgres-${workers}`)) continue;
      const r = await runMode(kind, workers, receiver, raw);
      const rss = `${fmt(r.rss)} MiB${kind === "pglite" ? " (whole process)" : ""}`;
      console.log(
        `| ${r.mode} | ${fmt(r.publishRate)} | ${fmt(r.drain)} | ${fmt((100 * r.drain) / raw, 1)} % | ${fmt(r.e2e)} | ${fmt(r.idle.p50, 1)} / ${fmt(r.idle.p99, 1)} ms | ${fmt(r.load.p50)} / ${fmt(r.load.p99)} ms | ${rss} |`,
      );
      if (r.loopDelayP99 !== undefined) console.log(`  (PGlite: event-loop delay p99 while draining ${fmt(r.loopDelayP99, 1)} ms)`);
    }
    const [kind, workers] = modes.at(-1)!;
    console.log(`\nRate limits over ${RATE_SECONDS} s with a backlog (${kind === "pglite" ? "PGlite" : `PostgreSQL, ${workers} workers`}):`);
    console.log("| limit/s | achieved/s | max in any 1 s window |");
    console.log("|---|---|---|");
    for (const r of await runRates(kind, workers, receiver)) console.log(`| ${r.limit} | ${fmt(r.achieved, 2)} | ${r.maxWindow}${r.maxWindow > r.limit ? " ✗ over the limit" : ""} |`);
  } finally {
    receiver.close();
  }
}
