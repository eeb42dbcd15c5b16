import "server-only";
import { env } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { startDeliveryWorker } from "@/lib/delivery/engine/start";
import { startRollupCompaction } from "@/lib/delivery/observe/compaction-loop";

/** Server start: validate configuration, open the database; embedded mode also seeds demo data; start the worker. */
export async function startServer() {
  const e = env();
  const started = Date.now();
  const { db, kind } = await getDbHandle();
  if (e.embedded && (await seedDemo(db))) console.log("[webhook-console] seeded demo data (org acme, org globex)");
  console.log(`[webhook-console] database ready (${kind}) in ${Date.now() - started} ms`);
  if (e.WORKER === "embedded") {
    await startDeliveryWorker({ embedded: true });
    startRollupCompaction({ db, log: (msg) => console.error(`[worker] ${msg}`) });
    console.log("[webhook-console] delivery worker running in this process");
  }
}
