// npm run worker — a delivery worker process (PostgreSQL only: PGlite allows one process, so there the web server runs it).
import { env } from "@/lib/env";
import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/delivery/engine/start";
import { closeDb } from "@/lib/db/client";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). In embedded mode the console runs the worker itself.");
  process.exit(2);
}
const worker = await startDeliveryWorker();
console.log(`[worker] ${worker.workerId} delivering`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    console.log(`[worker] ${signal}: finishing in-flight deliveries`);
    await stopDeliveryWorker();
    await closeDb();
    process.exit(0);
  });
}
