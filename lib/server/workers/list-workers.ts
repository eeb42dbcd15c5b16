import "server-only";
import { desc, gt, or, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";

/** A worker heartbeats every few seconds (at most 5 s apart): live within 15 s, stale up to 2 min, then gone. */
export const LIVE_WITHIN_MS = 15_000;
export const STALE_WITHIN_MS = 120_000;
/** Gone workers stay listed this long (then the worker's pruning removes their rows). */
export const GONE_LISTED_MS = 24 * 3600_000;

export type WorkerState = "live" | "stale" | "gone";
export type WorkerRow = typeof workerHeartbeats.$inferSelect & { state: WorkerState; lastSeenAgoMs: number };

export function workerState(row: Pick<typeof workerHeartbeats.$inferSelect, "lastSeenAt" | "stoppedAt">, now = Date.now()): WorkerState {
  const ago = now - row.lastSeenAt.getTime();
  if (row.stoppedAt || ago > STALE_WITHIN_MS) return "gone";
  return ago <= LIVE_WITHIN_MS ? "live" : "stale";
}

/**
 * Every delivery worker seen in the last day, newest first, with its state. Workers serve all organizations, so
 * this is system data: callers check the permission (System page: settings.write; metrics: their own token).
 * Columns: id (= deliveries.leased_by), host, pid, version, embedded, startedAt, lastSeenAt, stoppedAt,
 * inFlight (sends under way), deliveredPerMinute (successes in the minute before the last heartbeat).
 */
export async function listWorkers(db: DbOrTx, now = Date.now()): Promise<WorkerRow[]> {
  const rows = await db
    .select()
    .from(workerHeartbeats)
    .where(or(gt(workerHeartbeats.lastSeenAt, new Date(now - GONE_LISTED_MS)), isNull(workerHeartbeats.stoppedAt)))
    .orderBy(desc(workerHeartbeats.lastSeenAt))
    .limit(200);
  return rows.map((r) => ({ ...r, state: workerState(r, now), lastSeenAgoMs: Math.max(0, now - r.lastSeenAt.getTime()) }));
}

/** Most recent heartbeat of any worker that has not shut down (null: none ever). */
export async function lastHeartbeatAt(db: DbOrTx): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`max(${workerHeartbeats.lastSeenAt})` })
    .from(workerHeartbeats)
    .where(isNull(workerHeartbeats.stoppedAt));
  return row?.at ? new Date(row.at) : null;
}
