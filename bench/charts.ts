// Charts: the overview and webhook chart queries with 1,000,000 attempts (30 days, 20 webhooks) behind them.
// The attempts are inserted with generate_series; the rollups are then built from them by the backfill statements of
// migrations 0006 and 0008 (minute rows for the last day, hour rows for all), as an upgrade would. The queries read
// only the rollups.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { openTestDatabase } from "@/lib/testing/open-test-database";
import { seedDemo } from "@/lib/db/seed";
import { organizations, webhooks } from "@/lib/db/schema";
import { sealWebhookSecret } from "@/lib/server/webhooks/secrets";
import { testActor } from "@/lib/testing/engine";
import { getDeliveryOverview } from "@/lib/server/stats/get-delivery-overview";
import { getWebhookStats } from "@/lib/server/stats/get-webhook-stats";
import { listSuccessRates } from "@/lib/server/stats/list-success-rates";
import type { StatsRange } from "@/lib/schemas/stats";
import { ms, timeIt } from "./_stats";

const g = globalThis as unknown as { __wcDb?: Promise<unknown> };
const WEBHOOKS = 20;
const DELIVERIES = 500_000; // two attempts each
/** One statement of a migration file, by its index among the statement breakpoints (-1: the last). */
const migrationStatement = (file: string, index: number) =>
  fs
    .readFileSync(path.join(process.cwd(), "lib/db/migrations", file), "utf8")
    .split("--> statement-breakpoint")
    .at(index)!;
// As an upgrade would: 0006 backfills minute rows for the last day and hour rows before, 0008 adds the minutes to hours.
const backfill = [migrationStatement("0006_delivery_rollups.sql", -1), migrationStatement("0008_hour_rollups.sql", 0)];

export async function benchCharts() {
  env();
  process.env.PG_STATEMENT_TIMEOUT_MS ??= String(600_000); // the bulk seeding statements run for minutes
  for (const mode of process.env.DATABASE_URL ? ["postgres", "pglite"] : ["pglite"]) {
    const saved = process.env.DATABASE_URL;
    if (mode === "pglite") delete process.env.DATABASE_URL;
    const handle = await openTestDatabase();
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    g.__wcDb = Promise.resolve(handle);
    const db = handle.db;
    await seedDemo(db);
    const [acme] = await db.select().from(organizations).where(eq(organizations.slug, "acme"));
    const sealed = sealWebhookSecret("bench", "auth", "k");
    const hooks = await db
      .insert(webhooks)
      .values(
        Array.from({ length: WEBHOOKS }, (_, i) => ({
          id: crypto.randomUUID(),
          orgId: acme.id,
          name: `Chart webhook ${i}`,
          url: `https://receiver-${i}.example.com/hooks`,
          auth: { type: "api_key" as const, header: "X-Api-Key" },
          authSecretEnc: sealed,
          signingSecretEnc: sealed,
          eventTypes: ["order.created"],
          failureHandling: { maxAttempts: 8, backoff: "exponential" as const, suspendAfterFailures: 50 },
          enabled: true,
          status: "active" as const,
        })),
      )
      .returning({ id: webhooks.id });
    const ids = sql.raw(`array[${hooks.map((h) => `'${h.id}'::uuid`).join(",")}]`);
    let t = performance.now();
    // Bulk seeding runs longer than the pool's statement timeout: one transaction without it.
    const seed = (statement: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 0`);
        await tx.execute(statement);
      });
    // Spread over 30 days; about 1 in 10 first attempts fails (retried), 1 in 100 second attempts is diverted.
    await seed(sql`
      insert into events (org_id, id, type, source, time, data)
      select ${acme.id}::uuid, 'evt_bench_' || n, 'order.created', 'bench', now() - (n * interval '5184 milliseconds'), '{}'::jsonb
      from generate_series(1, ${DELIVERIES}) n`);
    await seed(sql`
      insert into deliveries (id, org_id, event_id, webhook_id, webhook_version, status, attempts, next_attempt_at, created_at, updated_at)
      select md5('d' || n)::uuid, ${acme.id}::uuid, 'evt_bench_' || n, (${ids})[1 + n % ${WEBHOOKS}], 1,
        case when n % 100 = 0 then 'diverted' when n <= 2000 then 'pending' else 'succeeded' end, 2,
        now() - (n * interval '5184 milliseconds'), now() - (n * interval '5184 milliseconds'), now()
      from generate_series(1, ${DELIVERIES}) n`);
    await seed(sql`
      insert into attempts (org_id, delivery_id, attempt_no, started_at, duration_ms, request_headers, response_status, next_attempt_at)
      select ${acme.id}::uuid, md5('d' || n)::uuid, a, now() - (n * interval '5184 milliseconds') + (a - 1) * interval '5 seconds',
        (20 + (n::bigint * 7919 + a * 104729) % 400)::int, '{}'::jsonb,
        case when a = 1 and n % 10 = 0 then 500 when a = 2 and n % 100 = 0 then 500 else 200 end,
        case when a = 1 and n % 10 = 0 then now() else null end
      from generate_series(1, ${DELIVERIES}) n, generate_series(1, 2) a`);
    const seeded = performance.now() - t;
    t = performance.now();
    for (const statement of backfill) await seed(sql.raw(statement));
    const rolled = performance.now() - t;
    const [{ attempts, rollups }] = (
      await db.execute<{ attempts: number; rollups: number }>(
        sql`select (select count(*) from attempts)::int as attempts, (select count(*) from delivery_rollups)::int as rollups`,
      )
    ).rows;
    console.log(
      `${mode}: ${attempts.toLocaleString("en-US")} attempts seeded in ${(seeded / 1000).toFixed(1)} s; ${rollups.toLocaleString("en-US")} rollup rows built from them in ${(rolled / 1000).toFixed(1)} s`,
    );

    const actor = await testActor("acme", ["viewer"]);
    const cases: [string, () => Promise<unknown>][] = [];
    for (const range of ["1h", "24h", "7d", "30d"] as StatsRange[]) {
      cases.push([`overview ${range}`, () => getDeliveryOverview({ actor, range })]);
      cases.push([`webhook ${range}`, () => getWebhookStats({ actor, webhookId: hooks[0].id, range })]);
    }
    cases.push(["list success rates (20 webhooks, 24 h)", () => listSuccessRates({ actor, webhookIds: hooks.map((h) => h.id) })]);
    const check = await getDeliveryOverview({ actor, range: "30d" });
    if (check.totals.attempts < 900_000) throw new Error(`overview 30d saw only ${check.totals.attempts} attempts`);
    console.log(
      `30 d overview: ${check.totals.attempts.toLocaleString("en-US")} attempts, p50 ${check.totals.p50} ms, p95 ${check.totals.p95} ms, backlog ${check.backlog.queued}`,
    );
    console.log("| database | query | p50 | p95 |\n|---|---|---|---|");
    for (const [label, fn] of cases) {
      const { p50, p95 } = await timeIt(100, fn);
      console.log(`| ${mode} | ${label} | ${ms(p50)} | ${ms(p95)} |`);
    }
    g.__wcDb = undefined;
    await handle.close();
  }
}
