// npm run worker — a delivery worker process (PostgreSQL only: PGlite allows one process, so there the web server runs it).
import { env } from "@/lib/env";
import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/delivery/engine/start";
import { closeDb, getDb } from "@/lib/db/client";
import { startRollupCompaction } from "@/lib/delivery/observe/compaction-loop";
import { startTracing, stopTracing } from "@/lib/telemetry/start-tracing";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). In embedded mode the console runs the worker itself.");
  process.exit(2);
}
startTracing("webhook-console-worker");
const worker = await startDeliveryWorker();
const stopCompaction = startRollupCompaction({ db: await getDb(), log: (msg) => console.error(`[worker] ${msg}`) });
console.log(`[worker] ${worker.workerId} delivering`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    console.log(`[worker] ${signal}: finishing in-flight deliveries`);
    stopCompaction();
    await stopDeliveryWorker();
    await stopTracing();
    await closeDb();
    process.exit(0);
  });
}
