// The web server's delivery engine, in a worker_threads thread of its own (started by engine-thread-host.ts from
// dist/engine-thread.js). Its send timers then run on an event loop that pages and the API do not use: inside the web
// server's loop, a producer publishing flat out made them 45–200 ms late, past a webhook's slot tolerance
// (performance.md §11.3). Embedded mode reaches PGlite's thread through a port of its own; PostgreSQL opens a pool.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { openEmbeddedOverPort } from "@/lib/db/open";
import { startTracing } from "@/lib/telemetry/start-tracing";
import { startDeliveryWorker } from "./start";
import { wakeWorkers } from "./wake";

/** What the web server tells the engine: a publish on its thread made deliveries due. */
export type EngineMessage = { op: "wake" };

const { pglitePort } = workerData as { pglitePort?: MessagePort };
if (pglitePort) (globalThis as { __wcDb?: Promise<unknown> }).__wcDb = Promise.resolve(openEmbeddedOverPort(pglitePort));
// A database error nobody awaited must not end the thread (as in `npm run worker`): log it, go on.
process.on("unhandledRejection", (err) => console.error("[worker] unhandled rejection:", err));

startTracing("webhook-console"); // its spans, like the web server's (only when OTEL_EXPORTER_OTLP_ENDPOINT is set)
await startDeliveryWorker({ embedded: true });
parentPort!.on("message", (m: EngineMessage) => {
  if (m.op === "wake") wakeWorkers();
});
parentPort!.postMessage({ ready: true });
