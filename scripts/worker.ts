// npm run worker — a delivery worker process (PostgreSQL only: PGlite allows one process, so there the web server runs it).
// SIGTERM / SIGINT: stop claiming, give back what has not been sent, let sends on the wire finish within
// WORKER_SHUTDOWN_MS (default 10 s), write their results, exit 0. A second signal exits at once.
import { env } from "@/lib/env";
import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/delivery/engine/start";
import { closeDb } from "@/lib/db/client";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). In embedded mode the console runs the worker itself.");
  process.exit(2);
}
// A database error nobody awaited must not end the process (node-postgres emits some asynchronously): log it, go on.
process.on("unhandledRejection", (err) => console.error("[worker] unhandled rejection:", err));

const worker = await startDeliveryWorker();
console.log(`[worker] ${worker.workerId} delivering`);
const deadlineMs = Number(process.env.WORKER_SHUTDOWN_MS ?? 10_000);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[worker] ${signal}: stopped claiming; finishing in-flight deliveries (up to ${deadlineMs} ms)`);
    await stopDeliveryWorker({ deadlineMs });
    await closeDb().catch(() => {});
    console.log("[worker] stopped");
    process.exit(0);
  });
}
