import "server-only";
import { getDb } from "@/lib/db/client";
import { assertCan, type Actor } from "../authz";
import { listWorkers } from "./list-workers";
import { queueStats } from "./queue-stats";

/** Admin → System: the delivery workers (live / stale / gone) and the whole queue. Admins only (settings.write). */
export async function getSystemStatus({ actor, now = Date.now() }: { actor: Actor; now?: number }) {
  assertCan(actor, "settings.write");
  const db = await getDb();
  const [workers, queue] = await Promise.all([listWorkers(db, now), queueStats(db, now)]);
  return { workers, queue, at: new Date(now) };
}
export type SystemStatus = Awaited<ReturnType<typeof getSystemStatus>>;
