import "server-only";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import type { WorkerStats } from "./worker";

let version: string | undefined;
function consoleVersion() {
  try {
    version ??= String((JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version?: string }).version);
  } catch {
    version = "unknown";
  }
  return version;
}

/**
 * The worker's row in worker_heartbeats, upserted on every tick (a few seconds apart). "Delivered per minute" is
 * the difference between the worker's success counter now and about a minute ago.
 */
export function heartbeats(db: Db, { embedded }: { embedded: boolean }) {
  const startedAt = new Date();
  const samples: { at: number; delivered: number }[] = [];
  return {
    async beat({ workerId, inFlight, delivered }: WorkerStats) {
      const now = Date.now();
      samples.push({ at: now, delivered });
      while (samples.length > 1 && samples[1].at <= now - 60_000) samples.shift();
      const deliveredPerMinute = delivered - samples[0].delivered;
      const row = {
        host: os.hostname(),
        pid: process.pid,
        version: consoleVersion(),
        embedded,
        startedAt,
        lastSeenAt: new Date(now),
        inFlight,
        deliveredPerMinute,
      };
      await db
        .insert(workerHeartbeats)
        .values({ id: workerId, ...row })
        .onConflictDoUpdate({ target: workerHeartbeats.id, set: { lastSeenAt: row.lastSeenAt, inFlight, deliveredPerMinute, stoppedAt: null } });
    },
    /** A clean shutdown says so, so the System page shows the worker as gone at once rather than stale. */
    async stopped(workerId: string) {
      await db
        .update(workerHeartbeats)
        .set({ stoppedAt: sql`now()`, inFlight: 0 })
        .where(eq(workerHeartbeats.id, workerId));
    },
  };
}
