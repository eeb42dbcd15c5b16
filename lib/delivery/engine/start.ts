import "server-only";
import { env } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import { inBackgroundLane } from "@/lib/db/pglite-thread-client";
import { parseAllowedCidrs } from "../ssrf";
import { heartbeats } from "./heartbeat";
import { pgSubscriber } from "./listen";
import { startPruning } from "./prune";
import { startWorker, type Worker } from "./worker";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/server/jobs/background";

type ProcessWorker = Worker & { stopAll: (opts?: { deadlineMs?: number }) => Promise<void> };
const g = globalThis as unknown as { __wcWorker?: ProcessWorker; __wcJobs?: BackgroundJobs };

/** The delivery worker of this process (once), with its heartbeat and retention pruning. In embedded mode it must live in the web server. */
export async function startDeliveryWorker({ embedded = false }: { embedded?: boolean } = {}): Promise<Worker> {
  if (g.__wcWorker) return g.__wcWorker;
  const e = env();
  const { db, kind } = await getDbHandle();
  const log = (msg: string) => console.error(`[worker] ${msg}`);
  const beats = heartbeats(db, { embedded });
  // On PGlite's one session, the engine's statements queue behind the pages' (pglite-thread.mjs); everything the
  // engine starts here (its loop, timers, sends, result writes, pruning, the mail and digest jobs) inherits the lane.
  const lane = kind === "pglite" ? inBackgroundLane : <T>(fn: () => T) => fn();
  const worker = lane(() =>
    startWorker({
      db,
      allowedCidrs: parseAllowedCidrs(e.ALLOWED_TARGET_CIDRS),
      leaseMs: e.DELIVERY_LEASE_MS,
      subscribe: kind === "postgres" && e.DATABASE_URL ? pgSubscriber(e.DATABASE_URL, log) : undefined,
      onTick: (stats) => beats.beat(stats),
      log,
    }),
  );
  const pruning = lane(() => startPruning(db, { log }));
  g.__wcWorker = {
    ...worker,
    async stopAll(opts) {
      pruning.stop();
      await worker.stop(opts);
      await beats.stopped(worker.workerId).catch(() => {});
    },
  };
  await beats.beat(worker.stats()).catch(() => {}); // visible at once, not after the first tick
  g.__wcJobs = lane(() => startBackgroundJobs({ db, smtpUrl: e.SMTP_URL, mailFrom: e.MAIL_FROM, log }));
  return g.__wcWorker;
}

export async function stopDeliveryWorker(opts?: { deadlineMs?: number }) {
  const worker = g.__wcWorker;
  const jobs = g.__wcJobs;
  g.__wcWorker = undefined;
  g.__wcJobs = undefined;
  await Promise.all([worker?.stopAll(opts), jobs?.stop()]);
}
