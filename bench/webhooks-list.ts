// Webhooks list: 10,000 webhooks over 1,000 orgs (one org holds 2,000, 10 of them active); server time of the list API.
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { openTestDatabase } from "@/lib/testing/open-test-database";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { DEMO_EVENT_TYPES } from "@/lib/db/catalog";
import { organizations, webhooks } from "@/lib/db/schema";
import { createTestKey, call } from "@/lib/testing/api";
import { sealWebhookSecret } from "@/lib/server/webhooks/secrets";
import { eq } from "drizzle-orm";
import * as route from "@/app/api/v1/orgs/[org]/webhooks/route";
import { ms, timeIt } from "./_stats";

const g = globalThis as unknown as { __wcDb?: Promise<unknown> };
const TYPES = DEMO_EVENT_TYPES.map((t) => t.name);

export async function seedListBench(db: Db) {
  await seedDemo(db);
  const [acme] = await db.select().from(organizations).where(eq(organizations.slug, "acme"));
  const orgs = await db
    .insert(organizations)
    .values(Array.from({ length: 999 }, (_, i) => ({ slug: `bench-${i}`, name: `Bench ${i}` })))
    .returning({ id: organizations.id });
  const owners = [...Array(2000).fill(acme.id), ...orgs.flatMap((o) => Array(8).fill(o.id))];
  const sealedAuth = sealWebhookSecret("bench", "auth", "k"); // values are never opened by the list
  for (let i = 0; i < owners.length; i += 500) {
    await db.insert(webhooks).values(
      owners.slice(i, i + 500).map((orgId, j) => {
        const n = i + j;
        const active = orgId !== acme.id ? n % 8 < 5 : n < 10;
        return {
          id: crypto.randomUUID(),
          orgId,
          name: `Webhook ${n} ${["orders", "billing", "identity", "payouts"][n % 4]}`,
          url: `https://receiver-${n}.example.com/hooks`,
          auth: { type: "api_key" as const, header: "X-Api-Key" },
          authSecretEnc: sealedAuth,
          signingSecretEnc: sealedAuth,
          eventTypes: [TYPES[n % TYPES.length], TYPES[(n * 7) % TYPES.length]],
          failureHandling: { maxAttempts: 8, backoff: "exponential" as const, suspendAfterFailures: 50 },
          enabled: active,
          status: active ? ("active" as const) : ("disabled" as const),
          createdAt: new Date(Date.now() - n * 60_000),
        };
      }),
    );
  }
}

export async function benchWebhooksList() {
  env();
  for (const mode of process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]) {
    const saved = process.env.DATABASE_URL;
    if (mode === "pglite") delete process.env.DATABASE_URL;
    const handle = await openTestDatabase();
    if (saved !== undefined) process.env.DATABASE_URL = saved; // assigning undefined would store "undefined"
    g.__wcDb = Promise.resolve(handle);
    const started = performance.now();
    await seedListBench(handle.db);
    console.log(`${mode}: seeded 10,000 webhooks over 1,000 orgs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const key = await createTestKey("acme", ["viewer"]);
    const list = (path: string) => call(route.GET, { params: { org: "acme" }, key, path });
    const cases: [string, string][] = [
      ["first page (20)", "/webhooks"],
      ["name filter", "/webhooks?name=billing"],
      ["event-type filter", "/webhooks?eventTypes=order.created"],
      ["page 100", "/webhooks?offset=1980&count=20"],
    ];
    console.log("| database | query | p50 | p95 |\n|---|---|---|---|");
    for (const [label, path] of cases) {
      const check = await list(path);
      if (check.status !== 200 || check.json.items.length === 0) throw new Error(`${label}: ${check.status}`);
      const { p50, p95 } = await timeIt(200, () => list(path));
      console.log(`| ${mode} | ${label} | ${ms(p50)} | ${ms(p95)} |`);
    }
    g.__wcDb = undefined;
    await handle.close();
  }
}
