// Delivery: the raw undici limit against the engine (PGlite on the server's thread and in its own thread, with an
// in-process worker; PostgreSQL with 1 and 2 worker processes). Publishing goes over HTTP to the API's route handlers
// with real clients: single events (with and without group commit) against the health route, batches, then a drain
// of what was published, sustained offered-rate steps (publish → receive p50/p99), idle latency, the webhooks list
// API's latency through all of it, the embedded server's event-loop delay, and rate-limit windows.
// Knobs: BENCH_EVENTS (default 10,000), BENCH_STEPS (offered ev/s, default 500,1000,1500,2000), BENCH_STEP_SECONDS
// (default 8), BENCH_PUBLISH_SECONDS (default 4), BENCH_RATE_SECONDS (default 30), BENCH_MODES (see below).
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fork } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Agent, request } from "undici";
import { eq } from "drizzle-orm";
import { organizations, webhooks } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed";
import { DEMO_EVENT_TYPES } from "@/lib/db/catalog";
import { parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { maxInAnyWindow } from "@/lib/testing/max-in-window";
import { startWorker } from "@/lib/delivery/engine/worker";
import { inBackgroundLane } from "@/lib/db/pglite-thread-client";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { publishEvent } from "@/lib/server/events/publish-event";
import type { Actor } from "@/lib/server/authz";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/open-test-database";
import { testActor } from "@/lib/testing/engine";
import { spawnWorkerProcess, type WorkerProcess } from "@/lib/testing/worker-process";
import { percentile } from "./_stats";
import { startApiServer } from "./_api-server";
import { configureGroupCommit } from "@/lib/server/events/group-commit";
import { createTestKey } from "@/lib/testing/api";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 30);
const CIDRS = "127.0.0.0/8";
const g = globalThis as unknown as { __wcDb?: Promise<unknown>; __wcEnv?: unknown };
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

type Arrival = [id: string, path: string, at: number];
export type Receiver = Awaited<ReturnType<typeof startReceiverProcess>>;

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
      if (Date.now() > until) throw new Error(`only ${got.filter((a) => a[0].startsWith(prefix)).length} of ${count} deliveries arrived`);
      await sleep(100);
      got.push(...(await take()));
    }
    return got.filter((a) => a[0].startsWith(prefix));
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, take, collect, close: () => child.kill() };
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

export type Setup = { handle: TestDatabase; actors: Actor[]; keys: string[]; types: string[]; events: { actor: Actor; type: string }[] };

/**
 * A fresh database with 2 orgs × 10 webhooks, each subscribed to its own event type; limits too high to bind.
 * `open`: the database to set up (default: a fresh test database of `kind`).
 */
export async function setup(
  kind: "pglite" | "postgres",
  receiver: Receiver,
  limits: number[] = Array(20).fill(100_000),
  open: () => Promise<TestDatabase> = openTestDatabase,
): Promise<Setup> {
  const saved = process.env.DATABASE_URL;
  if (kind === "pglite") delete process.env.DATABASE_URL;
  const handle = await open();
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  g.__wcDb = Promise.resolve(handle);
  await seedDemo(handle.db);
  const actors = [await testActor("acme", ["admin"]), await testActor("globex", ["admin"])];
  const keys = [await createTestKey("acme", ["admin"]), await createTestKey("globex", ["admin"])];
  // The orgs' publish limit (default 1,000/s) would cap the offered rates: the benchmark measures the engine.
  await handle.db.update(organizations).set({ publishLimit: 1_000_000 });
  const types = DEMO_EVENT_TYPES.slice(0, 10).map((t) => t.name);
  const events: Setup["events"] = [];
  for (const [i, limit] of limits.entries()) {
    const actor = actors[Math.floor(i / 10)];
    const type = types[i % 10];
    const input = createWebhookSchema.parse({
      name: `bench ${i}`,
      url: `${receiver.url}/w${i}`,
      auth: { type: "api_key" },
      eventTypes: [type],
      payload: "full",
      rateLimit: Math.min(limit, 100),
    });
    const { row } = await createWebhook({ actor, input });
    // Above the API's 100/s on purpose: the throughput runs measure the engine, not the limiter.
    if (limit > 100) await handle.db.update(webhooks).set({ rateLimit: limit }).where(eq(webhooks.id, row.id));
    events.push({ actor, type });
  }
  return { handle, actors, keys, types, events };
}

export const DATA = { pad: "x".repeat(820) }; // envelope + data ≈ 1 KiB, like the raw run's bodies

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

export async function startWorkers(kind: "pglite" | "postgres", s: Setup, count: number): Promise<Workers> {
  if (kind === "pglite") {
    const worker = inBackgroundLane(() => startWorker({ db: s.handle.db, allowedCidrs: parseAllowedCidrs(CIDRS) })); // as start.ts runs it
    return { stop: () => worker.stop(), rssMiB: () => process.memoryUsage().rss / 2 ** 20 };
  }
  const env = {
    DATABASE_URL: s.handle.url,
    ALLOWED_TARGET_CIDRS: CIDRS,
    ALLOW_HTTP_TARGETS: "true",
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
    AUTH_SECRET: process.env.AUTH_SECRET,
  };
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
  return {
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    max: lat.at(-1)!,
    duplicates: arrivals.length - first.size,
    lastFirstArrival: Math.max(...first.values()),
  };
}

const only = process.env.BENCH_MODES?.split(","); // e.g. BENCH_MODES=postgres-2 to run one mode (pglite-inline, pglite, postgres-1, postgres-2)
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 8);
const STEPS = (process.env.BENCH_STEPS ?? "500,1000,1500,2000").split(",").map(Number);
const PUBLISH_SECONDS = Number(process.env.BENCH_PUBLISH_SECONDS ?? 4);

/** Real HTTP clients against the API server: a keep-alive pool, bearer key. */
export function apiClient(base: string, org: string, key: string, connections = 64) {
  const agent = new Agent({ connections, keepAliveTimeout: 60_000 });
  // The server may close an idle keep-alive connection just as a request goes out on it (its 5 s timer fires late
  // on a busy loop): retry once on a reset — every call here is idempotent (events carry their ids).
  const call = async (method: "GET" | "POST", path: string, body?: unknown): Promise<string> => {
    try {
      return await once(method, path, body);
    } catch (err) {
      if ((err as { code?: string }).code !== "ECONNRESET" && (err as { code?: string }).code !== "UND_ERR_SOCKET") throw err;
      return once(method, path, body);
    }
  };
  const once = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const res = await request(`${base}${path.startsWith("/api/") ? "" : `/api/v1/orgs/${org}`}${path}`, {
      dispatcher: agent,
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
    return text;
  };
  return { call, close: () => agent.close() };
}
type ApiClient = ReturnType<typeof apiClient>;

/** `clients` loops doing `fn` for `seconds`: completed calls per second. */
export async function closedLoop(clients: number, seconds: number, fn: (i: number) => Promise<unknown>) {
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) await fn(n++);
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

/** The webhooks list (GET /webhooks, 20 a page) fetched every 200 ms until stopped: the console's view of the load. */
function listSampler(api: ApiClient) {
  const samples: number[] = [];
  let on = true;
  const done = (async () => {
    while (on) {
      const t = performance.now();
      await api.call("GET", "/webhooks?count=20");
      samples.push(performance.now() - t);
      await sleep(200);
    }
  })();
  return async () => {
    on = false;
    await done;
    const sorted = samples.sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
  };
}

const events = (s: Setup, prefix: string, from: number, n: number) =>
  Array.from({ length: n }, (_, k) => ({ id: `${prefix}-${from + k}`, type: s.events[(from + k) % 10].type, data: DATA }));

type Step = { offered: number; published: number; delivered: number; p50: number; p99: number; answeredP50: number; answeredP99: number };
type ModeResult = {
  mode: string;
  health: number;
  single: number;
  singleUngrouped: number;
  batched: number;
  drain: number;
  /** The raw undici limit measured right before this drain. */
  rawNearby: number;
  idle: { p50: number; p99: number };
  steps: Step[];
  list: { idle: Lat; publishing: Lat; draining: Lat; sustained: Lat };
  rss: number;
  loopDelayP99?: number;
  stepLoopDelayP99?: number;
};
type Lat = { p50: number; p95: number; n: number };

async function runMode(kind: "pglite" | "postgres", workers: number, receiver: Receiver, pgliteThread = true): Promise<ModeResult> {
  const mode =
    kind === "pglite"
      ? `PGlite ${pgliteThread ? "in a worker thread" : "on the server's thread (before)"}, in-process worker`
      : `PostgreSQL, ${workers} worker process${workers > 1 ? "es" : ""}`;
  process.env.TEST_PGLITE_THREAD = pgliteThread ? "1" : "0";
  const s = await setup(kind, receiver);
  const server = await startApiServer();
  // The first org's 10 webhooks take every event (one type each); the org's key publishes.
  const api = apiClient(server.url, "acme", s.keys[0]);
  const lister = apiClient(server.url, "acme", s.keys[0], 2);
  const tag = crypto.randomBytes(3).toString("hex");
  const d = `d${tag}`;
  let published = 0;

  const stopIdle = listSampler(lister);
  await sleep(3_000);
  const listIdle = await stopIdle();

  // Publishing over HTTP with no worker running (what is published here is the drain's backlog).
  const stopPub = listSampler(lister);
  const health = await closedLoop(16, PUBLISH_SECONDS, () => api.call("GET", "/api/v1/health"));
  configureGroupCommit({ maxGroup: 1 });
  const singleUngrouped = await closedLoop(16, PUBLISH_SECONDS, () => api.call("POST", "/events", events(s, d, published++, 1)[0]));
  configureGroupCommit({ maxGroup: 500 });
  const single = await closedLoop(16, PUBLISH_SECONDS, () => api.call("POST", "/events", events(s, d, published++, 1)[0]));
  const batchStarted = performance.now();
  let batches = 0;
  const target = Math.max(EVENTS, published + 10_000); // the single publishes may already have passed EVENTS
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (published < target) {
        const from = published;
        const n = Math.min(500, target - from);
        published += n;
        batches += n;
        await api.call("POST", "/events/batch", { events: events(s, d, from, n) });
      }
    }),
  );
  const batched = batches / ((performance.now() - batchStarted) / 1000);
  const listPublishing = await stopPub();

  // The raw limit again, right before the drain: the host's speed drifts over minutes (6.9k–11.5k req/s between runs
  // of one afternoon), so the drain is compared with the raw figure measured next to it.
  const rawNearby = await rawLimit(receiver.url, 10_000);

  // Drain.
  let peakRss = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const stopDrain = listSampler(lister);
  const w = await startWorkers(kind, s, workers);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, w.rssMiB())), 250);
  const drained = await receiver.collect(d, published);
  loop.disable();
  const listDraining = await stopDrain();
  const times = drained.map((a) => a[2]).sort((a, b) => a - b);
  const drain = (published - 1) / ((times.at(-1)! - times[0]) / 1000);

  // Sustained: batches every 20 ms at a fixed offered rate; what arrives, and how long it took.
  const steps: Step[] = [];
  const stepLoop = monitorEventLoopDelay({ resolution: 10 });
  stepLoop.enable();
  const stopSustained = listSampler(lister);
  for (const rate of STEPS) {
    const prefix = `s${tag}r${rate}`;
    const sent = new Map<string, number>();
    const perTick = Math.max(1, Math.round(rate / 50));
    const started = performance.now();
    let next = 0,
      inFlight = 0;
    const pending: Promise<unknown>[] = [];
    const answered: number[] = [];
    for (let tick = 0; performance.now() - started < STEP_SECONDS * 1000; tick++) {
      const due = started + tick * 20 - performance.now();
      if (due > 0) await sleep(due);
      if (inFlight >= 32) continue; // the publisher is saturated: offered load is dropped, and shows as a lower "published"
      const batch = events(s, prefix, next, perTick);
      next += perTick;
      const at = clock();
      for (const e of batch) sent.set(e.id, at);
      inFlight++;
      pending.push(
        api.call("POST", "/events/batch", { events: batch }).finally(() => {
          inFlight--;
          answered.push(clock() - at);
        }),
      );
    }
    await Promise.all(pending);
    const arrivals = await receiver.collect(prefix, next, 120_000);
    const lat = latencies(sent, arrivals);
    const firstSent = Math.min(...sent.values());
    answered.sort((a, b) => a - b);
    const [answeredP50, answeredP99] = [percentile(answered, 50), percentile(answered, 99)];
    steps.push({
      offered: rate,
      published: next / STEP_SECONDS,
      delivered: next / ((lat.lastFirstArrival - firstSent) / 1000),
      p50: lat.p50,
      p99: lat.p99,
      answeredP50,
      answeredP99,
    });
  }
  stepLoop.disable();
  const listSustained = await stopSustained();

  // Idle: one event at a time over HTTP.
  await sleep(500);
  const idleSent = new Map<string, number>();
  const idleArrivals: Arrival[] = [];
  for (let i = 0; i < 100; i++) {
    const body = events(s, `i${tag}-${i}`, 0, 1)[0];
    idleSent.set(body.id, clock());
    await api.call("POST", "/events", body);
    idleArrivals.push(...(await receiver.collect(`i${tag}-${i}-`, 1, 10_000)));
    await sleep(10);
  }
  const idle = latencies(idleSent, idleArrivals);
  clearInterval(sampler);
  await w.stop();
  await Promise.all([api.close(), lister.close(), server.close()]);
  await s.handle.close();
  return {
    mode,
    health,
    single,
    singleUngrouped,
    batched,
    drain,
    rawNearby,
    idle,
    steps,
    rss: peakRss,
    list: { idle: listIdle, publishing: listPublishing, draining: listDraining, sustained: listSustained },
    loopDelayP99: kind === "pglite" ? loop.percentile(99) / 1e6 : undefined,
    stepLoopDelayP99: kind === "pglite" ? stepLoop.percentile(99) / 1e6 : undefined,
  };
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
    const times = arrivals
      .filter((a) => a[1] === `/w${i}`)
      .map((a) => a[2])
      .sort((a, b) => a - b);
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
    const modes: ["pglite" | "postgres", number][] = [
      ["pglite", 1],
      ...(pg
        ? ([
            ["postgres", 1],
            ["postgres", 2],
          ] as ["postgres", number][])
        : []),
    ];
    const variants: [kind: "pglite" | "postgres", workers: number, thread: boolean, name: string][] = [
      ["pglite", 1, false, "pglite-inline"],
      ["pglite", 1, true, "pglite"],
      ...(pg
        ? ([
            ["postgres", 1, false, "postgres-1"],
            ["postgres", 2, false, "postgres-2"],
          ] as const)
        : []),
    ].map((v) => [...v] as [kind: "pglite" | "postgres", workers: number, thread: boolean, name: string]);
    const ms = (l: Lat) => `${fmt(l.p50)} / ${fmt(l.p95)} ms`;
    const rawSeen: number[] = [];
    for (const [kind, workers, thread, name] of variants) {
      if (only && !only.includes(name)) continue;
      const r = await runMode(kind, workers, receiver, thread);
      rawSeen.push(r.rawNearby);
      console.log(
        `\n### ${r.mode} (load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")})\n`,
      );
      console.log("Publishing over HTTP (bearer key, undici keep-alive clients; the API's own route handlers):\n");
      console.log("| figure | rate |\n|---|---|");
      console.log(`| GET /api/v1/health, 16 clients | ${fmt(r.health)} req/s |`);
      console.log(
        `| POST /events, 16 clients, one statement per publish (no group commit) | ${fmt(r.singleUngrouped)} ev/s (${fmt((100 * r.singleUngrouped) / r.health)} % of health) |`,
      );
      console.log(`| POST /events, 16 clients, group commit | ${fmt(r.single)} ev/s (${fmt((100 * r.single) / r.health)} % of health) |`);
      console.log(`| POST /events/batch, 500 a request, 4 clients | ${fmt(r.batched)} ev/s |`);
      console.log(
        `\nDrain of ${fmt(EVENTS)}+ events (bodies ≈ 1 KiB, signed, attempts recorded): **${fmt(r.drain)} deliveries/s = ${fmt((100 * r.drain) / r.rawNearby, 1)} % of the raw ${fmt(r.rawNearby)} req/s measured just before it** (${fmt((100 * r.drain) / Math.max(raw, ...rawSeen), 1)} % of the highest raw in this run so far); worker RSS ${fmt(r.rss)} MiB${kind === "pglite" ? " (whole process)" : ""}${r.loopDelayP99 !== undefined ? `; event-loop delay p99 of the embedded server ${fmt(r.loopDelayP99, 1)} ms` : ""}.`,
      );
      console.log(`Idle publish → receive over HTTP: p50 ${fmt(r.idle.p50, 1)} / p99 ${fmt(r.idle.p99, 1)} ms.\n`);
      console.log(
        `Sustained, batched publishing every 20 ms for ${STEP_SECONDS} s a step${r.stepLoopDelayP99 !== undefined ? ` (event-loop delay p99 ${fmt(r.stepLoopDelayP99, 1)} ms)` : ""}:\n`,
      );
      console.log("| offered ev/s | published ev/s | delivered ev/s | publish → receive p50 / p99 | publish answered p50 / p99 |\n|---|---|---|---|---|");
      for (const st of r.steps)
        console.log(
          `| ${fmt(st.offered)} | ${fmt(st.published)} | ${fmt(st.delivered)} | ${fmt(st.p50)} / ${fmt(st.p99)} ms | ${fmt(st.answeredP50, 1)} / ${fmt(st.answeredP99, 1)} ms |`,
        );
      console.log("\nWebhooks list API (GET /webhooks, every 200 ms) p50 / p95:\n");
      console.log(
        `| idle | while publishing | while draining | sustained steps |\n|---|---|---|---|\n| ${ms(r.list.idle)} | ${ms(r.list.publishing)} | ${ms(r.list.draining)} | ${ms(r.list.sustained)} |`,
      );
    }
    const [kind, workers] = modes.at(-1)!;
    console.log(`\nRate limits over ${RATE_SECONDS} s with a backlog (${kind === "pglite" ? "PGlite" : `PostgreSQL, ${workers} workers`}):`);
    console.log("| limit/s | achieved/s | max in any 1 s window |");
    console.log("|---|---|---|");
    for (const r of await runRates(kind, workers, receiver))
      console.log(`| ${r.limit} | ${fmt(r.achieved, 2)} | ${r.maxWindow}${r.maxWindow > r.limit ? " ✗ over the limit" : ""} |`);
  } finally {
    receiver.close();
  }
}
