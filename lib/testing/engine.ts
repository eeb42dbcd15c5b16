import { getDb } from "@/lib/db/client";
import { parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { startWorker } from "@/lib/delivery/engine/worker";
import { actorForApiKey } from "@/lib/server/identity/resolve-actor";
import type { Role } from "@/lib/server/authz";
import { createTestKey } from "./api";

/** A real worker on the test database; deliveries go to receivers on 127.0.0.1 over plain http. */
export async function startTestWorker(options: { allowedCidrs?: string } = {}) {
  process.env.ALLOW_HTTP_TARGETS = "true";
  (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
  return startWorker({
    db: await getDb(),
    allowedCidrs: parseAllowedCidrs(options.allowedCidrs ?? "127.0.0.0/8"),
    pollMs: 100,
    timeoutMs: 2_000,
    log: (m) => console.warn("[test worker]", m),
  });
}

export async function testActor(org: string, roles: Role[]) {
  return (await actorForApiKey(await createTestKey(org, roles), org))!;
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error("waitFor: timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}
