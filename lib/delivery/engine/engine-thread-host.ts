import "server-only";
import fs from "node:fs";
import path from "node:path";
import type * as WorkerThreads from "node:worker_threads";
import type { Worker } from "node:worker_threads";
import { getDbHandle } from "@/lib/db/client";
import { attachEmbeddedPort } from "@/lib/db/open";
import type { EngineMessage } from "./engine-thread";
import { onWake } from "./wake";

const RESTART_AFTER_MS = 1_000;
/**
 * `Worker`, out of the bundler's sight: Turbopack traces `new Worker(path)` as an entry to bundle, and a path known
 * only at run time (the build's own output, run as it is) made it trace the whole repository.
 */
const ThreadOfFile = (process as unknown as { getBuiltinModule(id: string): typeof WorkerThreads }).getBuiltinModule("node:worker_threads").Worker;

/** The build's engine thread (`npm run build`: dist/engine-thread.js); none under `next dev`, whose dist may be stale. */
export const builtEngineThread = () => {
  const file = path.join(process.cwd(), "dist/engine-thread.js");
  return process.env.NODE_ENV === "production" && fs.existsSync(file) ? file : null;
};

export type EngineThread = { stop(): Promise<void> };

/**
 * Starts the web server's delivery engine in a thread of its own (`file`: engine-thread.ts, built), so that its send
 * timers do not wait behind the pages' and the API's requests (performance.md §11.3). Resolves null when it cannot,
 * and the caller runs the engine on this thread: no build, or PGlite on this thread (PGLITE_THREAD=off).
 * A thread that dies is started again after a second; what it had claimed comes back when the leases end, as with
 * a worker process that dies. `env`: the thread's environment (default: this process's).
 */
export async function startEngineThread(
  log: (msg: string) => void,
  { file = builtEngineThread(), env }: { file?: string | null; env?: NodeJS.ProcessEnv } = {},
): Promise<EngineThread | null> {
  if (!file) return null;
  const { db, kind } = await getDbHandle();
  const port = kind === "pglite" ? attachEmbeddedPort(db) : null;
  if (kind === "pglite" && !port) return null;
  let thread: Worker | null = null;
  let stopped = false;
  const start = (pglitePort = kind === "pglite" ? attachEmbeddedPort(db) : null): Worker => {
    const started = new ThreadOfFile(file, {
      workerData: { pglitePort },
      transferList: pglitePort ? [pglitePort] : [],
      execArgv: ["--conditions=react-server"], // as `npm run worker`: `server-only` resolves to its empty module
      env,
    });
    started.on("error", (err) => log(`engine thread failed: ${err.stack ?? err}`));
    started.on("exit", (code) => {
      thread = null;
      if (stopped) return;
      log(`engine thread exited (${code}); starting it again in ${RESTART_AFTER_MS} ms`);
      setTimeout(() => stopped || start(), RESTART_AFTER_MS).unref();
    });
    return (thread = started);
  };
  const first = start(port);
  // Started when it says so; a thread that cannot start at all (a broken build) fails the server's start, loudly.
  await new Promise<void>((resolve, reject) => {
    first.once("message", () => resolve());
    first.once("error", reject);
  });
  // Publishes on this thread wake the engine at once (PGlite has no NOTIFY; on PostgreSQL it also LISTENs).
  const unsubscribe = onWake(() => thread?.postMessage({ op: "wake" } satisfies EngineMessage));
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      await thread?.terminate();
    },
  };
}
