// npm run worker — a delivery worker process (PostgreSQL only: PGlite allows one process, so there the web server runs it).
// SIGTERM / SIGINT: stop claiming, give back what has not been sent, let sends on the wire finish within
// WORKER_SHUTDOWN_MS (default 10 s), write their results, exit 0. A second signal exits at once.
import { env } from "@/lib/env";
import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/delivery/engine/start";
import { closeDb, getDb } from "@/lib/db/client";
import { startRollupCompaction } from "@/lib/delivery/observe/compaction-loop";
import { startTracing, stopTracing } from "@/lib/telemetry/start-tracing";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). In embedded mode the console runs the worker itself.");
  process.exit(2);
}
// A database error nobody awaited must not end the process (node-postgres emits some asynchronously): log it, go on.
process.on("unhandledRejection", (err) => console.error("[worker] unhandled rejection:", err));

startTracing("webhook-console-worker");
const worker = await startDeliveryWorker();
const stopCompaction = startRollupCompaction({ db: await getDb(), log: (msg) => console.error(`[worker] ${msg}`) });
console.log(`[worker] ${worker.workerId} delivering`);
const deadlineMs = Number(process.env.WORKER_SHUTDOWN_MS ?? 10_000);
let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`[worker] ${signal}: stopped claiming; finishing in-flight deliveries (up to ${deadlineMs} ms)`);
  stopCompaction();
  await stopDeliveryWorker({ deadlineMs });
  await stopTracing().catch(() => {});
  await closeDb().catch(() => {});
  console.log("[worker] stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
