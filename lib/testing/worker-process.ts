// `npm run worker` as a real child process (tests and benchmarks of the PostgreSQL mode).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
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
  /** The node process that runs the worker (npx → tsx launcher → node with tsx's loader), found once. */
  let leaf: number | undefined;
  const leafPid = () => {
    if (leaf) return leaf;
    try {
      const table = execFileSync("ps", ["-o", "pid=,args=", "-g", String(child.pid)], { encoding: "utf8" });
      const line = table.split("\n").find((l) => l.includes("scripts/worker.ts") && l.includes("loader.mjs"));
      if (line) leaf = Number(line.trim().split(/\s+/)[0]);
    } catch {
      // already gone
    }
    return leaf;
  };
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
        const pid = leafPid();
        if (pid) process.kill(pid, signal);
      } catch {
        // already gone
      }
    },
    rssMiB() {
      // /proc, not `ps`: the benchmark samples this every 250 ms, and a synchronous `ps` stalled its event loop.
      try {
        const pid = leafPid();
        return pid ? (Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096) / 2 ** 20 : 0;
      } catch {
        return 0;
      }
    },
  };
}
