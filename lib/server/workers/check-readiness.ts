import "server-only";
import { getDb } from "@/lib/db/client";
import { lastHeartbeatAt } from "./list-workers";
import { queueStats } from "./queue-stats";

/** No worker heartbeat for this long while deliveries are due: nothing is delivering. */
export const READY_HEARTBEAT_MS = 30_000;

/** Readiness (GET /api/v1/health?ready=1): not ready when deliveries are due and no worker has heartbeated for 30 s. */
export async function checkReadiness(now = Date.now()) {
  const db = await getDb();
  const [queue, last] = await Promise.all([queueStats(db, now), lastHeartbeatAt(db)]);
  const workerSeen = last !== null && now - last.getTime() <= READY_HEARTBEAT_MS;
  const ready = queue.due === 0 || workerSeen;
  return {
    ready,
    dueDeliveries: queue.due,
    lastWorkerHeartbeatAgoMs: last ? Math.max(0, now - last.getTime()) : null,
    ...(ready ? {} : { reason: "Deliveries are due and no delivery worker has heartbeated for 30 s." }),
  };
}
