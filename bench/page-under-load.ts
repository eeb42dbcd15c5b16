// The webhooks list PAGE under load: /developer/webhooks, server-rendered by `next start` for a signed-in admin,
// fetched every 200 ms while idle, while a producer publishes 20,000 events over HTTP (16 clients, `POST /events`,
// bearer key) to 10 webhooks limited to 100/s each, and while that backlog drains. The console's own engine
// delivers: in the web server (embedded: PGlite in its thread, the worker in the engine's lane; and PostgreSQL), or in an
// `npm run worker` process (PostgreSQL). Needs `npx next build`.
// BENCH_PAGE_EVENTS changes the 20,000.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { openEmbedded } from "@/lib/db/open";
import { apiClient, DATA, setup, startReceiverProcess, type Receiver, type Setup } from "./delivery";
import { base, signIn, startServer } from "./webhooks-page";
import { percentile } from "./_stats";
import { spawnWorkerProcess } from "@/lib/testing/worker-process";

const EVENTS = Number(process.env.BENCH_PAGE_EVENTS ?? 20_000);
const LIMITS = Array(20).fill(100); // 10 webhooks an org, 100/s each: the acme org's deliveries are capped at 1,000/s
const PHASES = ["idle", "publishing", "draining"] as const;
type Phase = (typeof PHASES)[number];

/** Fetches the page every 200 ms until stopped, each sample filed under the phase current when it started. */
function pageSampler(cookie: string, phase: () => Phase) {
  const samples = new Map<Phase, number[]>(PHASES.map((p) => [p, []]));
  let on = true;
  const done = (async () => {
    while (on) {
      const during = phase();
      const t = performance.now();
      const res = await fetch(`${base}/developer/webhooks`, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes("bench ")) throw new Error(`the webhooks page answered ${res.status}`);
      samples.get(during)!.push(performance.now() - t);
      await sleep(200);
    }
  })();
  return {
    async stop() {
      on = false;
      await done;
      return samples;
    },
  };
}

/** `workerProcess`: the engine runs in an `npm run worker` process (PostgreSQL's deployment), not in the web server. */
async function measure(label: string, env: Record<string, string>, s: Setup, receiver: Receiver, { workerProcess = false } = {}) {
  const stop = await startServer({ ...env, WORKER: workerProcess ? "off" : "embedded" });
  const worker = workerProcess ? spawnWorkerProcess(env) : null;
  await worker?.ready;
  const api = apiClient(base, "acme", s.keys[0], 16);
  const types = s.events.filter((e) => e.actor.orgSlug === "acme").map((e) => e.type);
  try {
    let phase: Phase = "idle";
    const cookie = await signIn("admin@example.com");
    for (let i = 0; i < 5; i++) await fetch(`${base}/developer/webhooks`, { headers: { cookie } }).then((r) => r.text()); // warm-up
    const sampler = pageSampler(cookie, () => phase);
    await sleep(10_000);
    phase = "publishing";
    const prefix = `pl${crypto.randomBytes(3).toString("hex")}`;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = next++; i < EVENTS; i = next++) await api.call("POST", "/events", { id: `${prefix}-${i}`, type: types[i % types.length], data: DATA });
      }),
    );
    const publishSecs = (performance.now() - started) / 1000;
    const duringPublish = (await receiver.take()).filter((a) => a[0].startsWith(prefix)).length;
    phase = "draining";
    await receiver.collect(prefix, EVENTS - duringPublish);
    const totalSecs = (performance.now() - started) / 1000;
    const samples = await sampler.stop();
    const cell = (p: Phase) => {
      const sorted = samples.get(p)!.sort((a, b) => a - b);
      return sorted.length ? `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} ms (${sorted.length})` : "—";
    };
    console.log(
      `| ${label} | ${cell("idle")} | ${cell("publishing")} | ${cell("draining")} | ${(EVENTS / publishSecs).toFixed(0)} ev/s | ` +
        `${duringPublish.toLocaleString("en-US")} (${(duringPublish / publishSecs).toFixed(0)}/s) | ${totalSecs.toFixed(1)} s |`,
    );
  } finally {
    await api.close();
    worker?.signal("SIGTERM");
    await worker?.exited;
    stop();
    await sleep(1000);
  }
}

export async function benchPageUnderLoad() {
  if (!fs.existsSync(".next/BUILD_ID")) return console.log("skipped: run `npx next build` first");
  process.env.ALLOWED_TARGET_CIDRS = "127.0.0.0/8"; // the bench's webhooks point at a local receiver
  process.env.ALLOW_HTTP_TARGETS = "true";
  (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined; // read again with these
  const receiver = await startReceiverProcess();
  try {
    console.log(
      `Webhooks list page under \`next start\`, every 200 ms: p50 / p95 (samples). ${EVENTS.toLocaleString("en-US")} events ` +
        `over HTTP from 16 clients to 10 webhooks at 100/s each (deliveries capped at 1,000/s); load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}.\n`,
    );
    console.log("| database | idle | while publishing | while draining | published | delivered while publishing | all delivered after |");
    console.log("|---|---|---|---|---|---|---|");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-bench-load-"));
    const embedded = await setup("pglite", receiver, LIMITS, async () => ({ ...(await openEmbedded(dataDir)), url: undefined }));
    await embedded.handle.close(); // one process per PGlite directory: hand it to the server
    await measure("PGlite (embedded)", { DATA_DIR: dataDir, DATABASE_URL: "" }, embedded, receiver);
    if (process.env.DATABASE_URL) {
      for (const workerProcess of [false, true]) {
        const pg = await setup("postgres", receiver, LIMITS);
        const label = workerProcess ? "PostgreSQL, `npm run worker` process" : "PostgreSQL, engine thread in the web server";
        await measure(label, { DATABASE_URL: pg.handle.url! }, pg, receiver, { workerProcess });
        await pg.handle.close();
      }
    }
  } finally {
    receiver.close();
  }
}
