// Profiling aid (not part of `npm run bench`): one in-process worker drains a backlog while the inspector's CPU
// profiler runs, so only the drain is in the profile. PGlite unless DATABASE_URL is set.
//   npx tsx --conditions=react-server bench/_drain-profile.ts [events] [out.cpuprofile]
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { startWorker } from "@/lib/delivery/engine/worker";
import { publish, setup, startReceiverProcess } from "./delivery";

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
const session = new Session();
session.connect();
if (out) {
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
}
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const cpu0 = process.cpuUsage();
const others0 = otherCpuMs(receiver.pid);
const w = startWorker({ db: s.handle.db, allowedCidrs: parseAllowedCidrs("127.0.0.0/8"), log: console.error });
const arrivals = await receiver.collect(`p${tag}`, events);
const cpu = process.cpuUsage(cpu0);
const others1 = otherCpuMs(receiver.pid);
loop.disable();
if (out) {
  const { profile } = await session.post("Profiler.stop");
  fs.writeFileSync(out, JSON.stringify(profile));
}
const times = arrivals.map((a) => a[2]).sort((a, b) => a - b);
const secs = (times.at(-1)! - times[0]) / 1000;
console.log(
  `drain ${(events / secs).toFixed(0)}/s over ${secs.toFixed(1)} s; CPU per delivery: worker process ${((cpu.user + cpu.system) / 1e3 / events).toFixed(3)} ms, PostgreSQL ${((others1.postgres - others0.postgres) / events).toFixed(3)} ms, receiver ${((others1.receiver - others0.receiver) / events).toFixed(3)} ms; event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)}`,
);
await w.stop();
await s.handle.close();
receiver.close();
process.exit(0);

/** CPU milliseconds used so far by the receiver process and by every PostgreSQL process on the machine (Linux /proc). */
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
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const u = used(pid);
    if (u.comm === "postgres") postgres += u.ms;
  }
  return { postgres, receiver: used(String(receiverPid)).ms };
}
