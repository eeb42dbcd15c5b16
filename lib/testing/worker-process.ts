// `npm run worker` as a real child process (tests and benchmarks of the PostgreSQL mode).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";

export type WorkerProcess = {
  child: ChildProcess;
  /** Resolves once the worker printed that it is delivering. */
  ready: Promise<void>;
  output: () => string;
  /** Signals the whole process group (npx → tsx → node), so SIGKILL really kills the worker. */
  signal(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
  /** Resident set size of the worker's node process, in MiB (0 once it is gone). */
  rssMiB(): number;
  /** Signals only the node process that runs the worker (as a supervisor's SIGTERM would); npx and tsx then exit with its code. */
  signalWorker(signal: NodeJS.Signals): void;
};

export function spawnWorkerProcess(env: Record<string, string | undefined>): WorkerProcess {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
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
        const table = execFileSync("ps", ["-o", "pid=,args=", "-g", String(child.pid)], { encoding: "utf8" });
        const leaf = table.split("\n").find((line) => line.includes("scripts/worker.ts") && line.includes("loader.mjs"));
        if (leaf) process.kill(Number(leaf.trim().split(/\s+/)[0]), signal);
      } catch {
        // already gone
      }
    },
    rssMiB() {
      try {
        const table = execFileSync("ps", ["-o", "rss=,args=", "-g", String(child.pid)], { encoding: "utf8" });
        const leaf = table
          .split("\n")
          .filter((line) => line.includes("scripts/worker.ts") && line.includes("loader.mjs")) // the node that runs it, not npx or the tsx launcher
          .map((line) => Number(line.trim().split(/\s+/)[0]) / 1024);
        return Math.max(0, ...leaf);
      } catch {
        return 0;
      }
    },
  };
}
