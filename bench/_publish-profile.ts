// Profiling aid (not part of `npm run bench`): 16 HTTP clients publish single events (POST /events) for a few
// seconds against the API server in this process while the inspector's CPU profiler runs. PGlite unless DATABASE_URL.
// PROFILE_BATCH=1: 4 clients publish batches of 500 (POST /events/batch) instead.
//   npx tsx --conditions=react-server bench/_publish-profile.ts [seconds] [out.cpuprofile]
import crypto from "node:crypto";
import { apiClient, closedLoop, DATA, setup, startReceiverProcess } from "./delivery";
import { startApiServer } from "./_api-server";
import { startProfiler } from "./_profiler";

process.env.ALLOWED_TARGET_CIDRS = "127.0.0.0/8"; // the bench's webhooks point at a local receiver
process.env.ALLOW_HTTP_TARGETS = "true";
process.env.TEST_PGLITE_THREAD ??= "1"; // PGlite in its own thread, as the console runs it
process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
const seconds = Number(process.argv[2] ?? 5);
const out = process.argv[3];
const receiver = await startReceiverProcess();
const s = await setup(process.env.DATABASE_URL ? "postgres" : "pglite", receiver);
const server = await startApiServer();
const api = apiClient(server.url, "acme", s.keys[0]);
await closedLoop(16, 1, () => api.call("GET", "/api/v1/health"));
const health = await closedLoop(16, seconds, () => api.call("GET", "/api/v1/health"));
const profiler = await startProfiler(out);
const cpu0 = process.cpuUsage();
let n = 0;
const event = () => ({ id: `pp-${n}`, type: s.events[n++ % 10].type, data: DATA });
const batch = process.env.PROFILE_BATCH === "1";
const rate = batch
  ? 500 * (await closedLoop(4, seconds, () => api.call("POST", "/events/batch", { events: Array.from({ length: 500 }, event) })))
  : await closedLoop(16, seconds, () => api.call("POST", "/events", event()));
const cpu = process.cpuUsage(cpu0);
await profiler.stop();
console.log(
  `health ${health.toFixed(0)} req/s; POST /events${batch ? "/batch" : ""} ${rate.toFixed(0)} ev/s (${((100 * rate) / health).toFixed(0)} %); process CPU ${((cpu.user + cpu.system) / 1e3 / n).toFixed(3)} ms per event`,
);
await api.close();
await server.close();
await s.handle.close();
receiver.close();
process.exit(0);
