// `npm run worker` as a real child process (tests and benchmarks of the PostgreSQL mode).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isProcessAlive } from "@/lib/db/data-dir-lock";

export type WorkerProcess = {
  child: ChildProcess;
  /** Resolves once the worker printed that it is delivering. */
  ready: Promise<void>;
  output: () => string;
  /** Signals the worker's process group (the worker and anything it started). */
  signal(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
  /** Resident set size of the worker's node process, in MiB (0 once it is gone). */
  rssMiB(): number;
  /** Signals only the worker's node process (as a supervisor's SIGTERM would). */
  signalWorker(signal: NodeJS.Signals): void;
};

const root = path.resolve(import.meta.dirname, "../..");
let built: string | undefined; // the directory of this process's build
/**
 * The worker (and the web server's engine thread) as production runs them (node on the esbuild output), built once per test process from
 * the current sources into its own directory (test files run in parallel processes; dist/ is the build's). Under
 * node_modules so that the external packages resolve. tsx ran the same code 12 % slower (docs/performance.md §7).
 */
function buildDir() {
  if (built) return built;
  const cache = path.join(root, "node_modules/.cache/webhook-console");
  // Test runners' forks do not always run exit handlers: builds of processes that are gone are removed here.
  for (const name of fs.existsSync(cache) ? fs.readdirSync(cache) : []) {
    const pid = Number(/^worker-(\d+)$/.exec(name)?.[1]);
    if (pid && !isProcessAlive(pid)) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  }
  const dir = path.join(cache, `worker-${process.pid}`);
  execFileSync(process.execPath, ["scripts/build-bin.mjs", dir, "worker", "engine-thread"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return (built = dir);
}
const workerBinary = () => path.join(buildDir(), "worker.js");
/** The web server's engine thread as the build makes it (dist/engine-thread.js), for engine-thread-host.ts. */
export const builtEngineThreadForTests = () => path.join(buildDir(), "engine-thread.js");

export function spawnWorkerProcess(env: Record<string, string | undefined>): WorkerProcess {
  // WORKER_NODE_ARGS: extra node flags for profiling, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (bench/_drain-profile.ts).
  const nodeArgs = process.env.WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--conditions=react-server", workerBinary()], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("delivering")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${out}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    ready,
    output: () => out,
    exited,
    signal(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
    signalWorker(signal) {
      try {
        process.kill(child.pid!, signal);
      } catch {
        // already gone
      }
    },
    rssMiB() {
      // /proc, not `ps`: the benchmark samples this every 250 ms, and a synchronous `ps` stalled its event loop.
      try {
        return child.pid ? (Number(fs.readFileSync(`/proc/${child.pid}/statm`, "utf8").split(" ")[1]) * 4096) / 2 ** 20 : 0;
      } catch {
        return 0;
      }
    },
  };
}
