// The inspector's CPU profiler for the profiling aids: started when an output path is given, written by stop().
import fs from "node:fs";
import { Session } from "node:inspector/promises";

export async function startProfiler(out: string | undefined) {
  const session = new Session();
  session.connect();
  if (out) {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 500 });
    await session.post("Profiler.start");
  }
  return {
    async stop() {
      if (out) fs.writeFileSync(out, JSON.stringify((await session.post("Profiler.stop")).profile));
      session.disconnect();
    },
  };
}
