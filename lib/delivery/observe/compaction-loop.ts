import "server-only";
import type { Db } from "@/lib/db/client";
import { compactRollups } from "./rollups";

/** Compacts the rollups now and then in every worker process (harmless when several do it at once). */
export function startRollupCompaction({ db, everyMs = 10 * 60_000, log = () => {} }: { db: Db; everyMs?: number; log?: (msg: string) => void }) {
  const run = () => void compactRollups(db).catch((err) => log(`rollup compaction failed, will try again: ${err}`));
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
