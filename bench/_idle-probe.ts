// Profiling aid (not part of `npm run bench`): idle publish → receive, split into its parts. One event at a time
// over HTTP; prints p50/p99 of the publish's HTTP answer and of the arrival at the receiver. PGlite unless DATABASE_URL.
//   npx tsx --conditions=react-server bench/_idle-probe.ts [events] [workers]
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import { apiClient, DATA, setup, startReceiverProcess, startWorkers } from "./delivery";
import { startApiServer } from "./_api-server";

process.env.ALLOWED_TARGET_CIDRS = "127.0.0.0/8";
process.env.ALLOW_HTTP_TARGETS = "true";
process.env.TEST_PGLITE_THREAD ??= "1";
process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
const n = Number(process.argv[2] ?? 100);
const kind = process.env.DATABASE_URL ? "postgres" : "pglite";
const receiver = await startReceiverProcess();
const s = await setup(kind, receiver);
const server = await startApiServer();
const api = apiClient(server.url, "acme", s.keys[0]);
const w = await startWorkers(kind, s, Number(process.argv[3] ?? 1));
const clock = () => performance.timeOrigin + performance.now();
const answered: number[] = [];
const health: number[] = [];
const arrived: number[] = [];
const published = new Map<string, number>();
for (let i = 0; i < n + 5; i++) {
  const id = `idle-${i}`;
  const h0 = clock();
  await api.call("GET", "/api/v1/health");
  if (i >= 5) health.push(clock() - h0);
  await sleep(10);
  const t0 = clock();
  await api.call("POST", "/events", { id, type: s.events[0].type, data: DATA });
  const t1 = clock();
  const [arrival] = await receiver.collect(id, 1, 10_000);
  if (i >= 5) {
    published.set(id, t0);
    answered.push(t1 - t0);
    arrived.push(arrival[2] - t0);
  }
  await sleep(10);
}
// When the worker began each send (the attempt's start), to split the arrival into "to the send" and "on the wire".
const starts = await s.handle.db.execute<{ event_id: string; at: string }>(
  sql`select d.event_id, (extract(epoch from a.started_at) * 1000)::float8 as at from attempts a join deliveries d on d.id = a.delivery_id`,
);
const sendStarted = starts.rows.filter((r) => published.has(r.event_id)).map((r) => Number(r.at) - published.get(r.event_id)!);
const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))].toFixed(1);
console.log(
  `${kind}: health answered p50 ${pct(health, 50)} / p99 ${pct(health, 99)} ms; publish answered p50 ${pct(answered, 50)} / p99 ${pct(answered, 99)} ms; send started p50 ${pct(sendStarted, 50)} / p99 ${pct(sendStarted, 99)} ms; arrived p50 ${pct(arrived, 50)} / p99 ${pct(arrived, 99)} / max ${pct(arrived, 100)} ms`,
);
await w.stop();
await api.close();
await server.close();
await s.handle.close();
receiver.close();
process.exit(0);
