// Profiling aid (not part of `npm run bench`): one in-process worker drains a backlog while the inspector's CPU
// profiler runs, so only the drain is in the profile, and prints the CPU each thread used (PGlite's own thread with
// TEST_PGLITE_THREAD=1). PGlite unless DATABASE_URL is set; WORKER_PROCESS=1 drains with
// `npm run worker` processes (the built worker) instead (PostgreSQL; CPU per delivery summed over them; to profile
// them, WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" writes one profile a process when it exits).
//   npx tsx --conditions=react-server bench/_drain-profile.ts [events] [out.cpuprofile]
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { startWorker } from "@/lib/delivery/engine/worker";
import { inBackgroundLane } from "@/lib/db/pglite-thread-client";
import { spawnWorkerProcess } from "@/lib/testing/worker-process";
import { publish, setup, startReceiverProcess } from "./delivery";
import { startProfiler } from "./_profiler";

process.env.ALLOWED_TARGET_CIDRS = "127.0.0.0/8";
process.env.ALLOW_HTTP_TARGETS = "true";
process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
const events = Number(process.argv[2] ?? 5_000);
const out = process.argv[3];
const kind = process.env.DATABASE_URL ? "postgres" : "pglite";
const receiver = await startReceiverProcess();
const s = await setup(kind, receiver);
const tag = crypto.randomBytes(3).toString("hex");
const backlog = await publish(s, `p${tag}`, events, 8);
console.log(`${kind}: published ${events} in-process at ${backlog.rate.toFixed(0)}/s`);
const profiler = await startProfiler(out);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const separate = Number(process.env.WORKER_PROCESS ?? 0);
const procs = Array.from({ length: separate }, () =>
  spawnWorkerProcess({ DATABASE_URL: s.handle.url, ALLOWED_TARGET_CIDRS: "127.0.0.0/8", ALLOW_HTTP_TARGETS: "true" }),
);
await Promise.all(procs.map((p) => p.ready));
const cpu0 = process.cpuUsage();
const threads0 = threadCpuMs();
const others0 = otherCpuMs(receiver.pid);
const w = separate ? null : inBackgroundLane(() => startWorker({ db: s.handle.db, allowedCidrs: parseAllowedCidrs("127.0.0.0/8"), log: console.error }));
const arrivals = await receiver.collect(`p${tag}`, events);
const cpu = process.cpuUsage(cpu0);
const threads1 = threadCpuMs();
const others1 = otherCpuMs(receiver.pid);
const workerMs = separate ? others1.workers - others0.workers : (cpu.user + cpu.system) / 1e3;
loop.disable();
await profiler.stop();
const times = arrivals.map((a) => a[2]).sort((a, b) => a - b);
const secs = (times.at(-1)! - times[0]) / 1000;
console.log(
  `drain ${(events / secs).toFixed(0)}/s over ${secs.toFixed(1)} s; CPU per delivery: worker process${separate > 1 ? "es" : ""} ${(workerMs / events).toFixed(3)} ms, PostgreSQL ${((others1.postgres - others0.postgres) / events).toFixed(3)} ms, receiver ${((others1.receiver - others0.receiver) / events).toFixed(3)} ms; event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)}`,
);
if (!separate) {
  const perThread = [...threads1].map(([name, ms]) => `${name} ${((ms - (threads0.get(name) ?? 0)) / events).toFixed(3)}`).filter((t) => !t.endsWith(" 0.000"));
  console.log(`CPU per delivery by thread of this process (ms): ${perThread.join(", ")}`);
}
await w?.stop();
procs.forEach((p) => p.signal("SIGTERM"));
await Promise.all(procs.map((p) => p.exited));
await s.handle.close();
receiver.close();
process.exit(0);

/** CPU milliseconds used so far by the receiver, every PostgreSQL process and every `npm run worker` node (Linux /proc). */
function otherCpuMs(receiverPid: number) {
  const tick = 1000 / 100; // USER_HZ
  const used = (pid: string) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return { comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), ms: (Number(f[11]) + Number(f[12])) * tick };
    } catch {
      return { comm: "", ms: 0 };
    }
  };
  let postgres = 0;
  let workers = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const u = used(pid);
    if (u.comm === "postgres") postgres += u.ms;
    else if (u.comm === "node" && /webhook-console\/worker-\d+\/worker\.js/.test(cmdline(pid))) workers += u.ms;
  }
  return { postgres, workers, receiver: used(String(receiverPid)).ms };
}

/** CPU milliseconds of each thread of this process by name (the main thread, PGlite's worker thread, libuv's pool). */
function threadCpuMs() {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync("/proc/self/task")) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const name = `${stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"))}${tid === String(process.pid) ? " (main)" : ` ${tid}`}`;
      out.set(name, (out.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // the thread ended
    }
  }
  return out;
}

function cmdline(pid: string) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}
