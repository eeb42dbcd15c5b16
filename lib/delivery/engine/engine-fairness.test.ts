// Fairness: org acme has a backlog of 20,000 due deliveries across its webhooks (inserted with SQL); org globex
// publishes one event. It reaches globex's receiver within a second — acme's backlog does not hold it back.
// Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { deliveries } from "@/lib/db/schema";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import type { Worker } from "./worker";

const BACKLOG = 20_000;
// Receivers are plain http on 127.0.0.1 (as startTestWorker allows); set before the first webhook is validated.
process.env.ALLOW_HTTP_TARGETS = "true";
(globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
const testDb = useTestDatabase();
let receiver: Receiver;
let worker: Worker | undefined;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await worker?.stop({ deadlineMs: 2_000 });
  await receiver?.close();
});

describe("fair claiming across organizations", () => {
  it(`one org's ${BACKLOG.toLocaleString("en")}-delivery backlog does not delay another org's event by more than a second`, async () => {
    const acme = await testActor("acme", ["admin"]);
    const globex = await testActor("globex", ["admin"]);
    const acmeHooks: string[] = [];
    for (const type of ["order.created", "order.shipped", "order.canceled", "identity.approved"]) {
      const input = createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/acme`, eventTypes: [type], rateLimit: 100 }));
      acmeHooks.push((await createWebhook({ actor: acme, input })).row.id);
    }
    const { row: globexHook } = await createWebhook({
      actor: globex,
      input: createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/globex`, eventTypes: ["order.created"], rateLimit: 10 })),
    });
    // The backlog, due since a minute ago (older than anything globex publishes now).
    await testDb.db.execute(sql`
      with e as (
        insert into events (org_id, id, type, source, data, time)
        select ${acme.orgId}::uuid, 'backlog-' || i, 'order.created', 'test', '{}'::jsonb, now() - interval '1 minute'
        from generate_series(1, ${BACKLOG}::int) i returning id)
      insert into deliveries (org_id, event_id, webhook_id, webhook_version, next_attempt_at, created_at)
      select ${acme.orgId}::uuid, e.id, (array[${sql.join(
        acmeHooks.map((h) => sql`${h}::uuid`),
        sql`, `,
      )}])[1 + (substring(e.id from 9)::int % 4)], 1, now() - interval '1 minute', now() - interval '1 minute'
      from e`);

    worker = await startTestWorker();
    await waitFor(() => receiver.requests.filter((r) => r.path === "/acme").length >= 50, 30_000); // acme is being drained
    const published = Date.now();
    await publishEvent({ actor: globex, input: { type: "order.created", data: { hello: "globex" } } });
    // Claimed in the next claim cycle: that is what fairness decides. Arrival adds the send slot, which a worker
    // that has been late under load reserves up to 2 s ahead (its lead; see worker.ts) — zero on a quiet host.
    const claimedAt = await waitFor(async () => {
      const [d] = await testDb.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.webhookId, globexHook.id));
      return d && d.status !== "pending" && Date.now();
    }, 10_000);
    const lead = worker.stats().leadMs;
    const arrived = await waitFor(() => receiver.requests.find((r) => r.path === "/globex"), 10_000);
    const latency = arrived.time - published;
    const claimLatency = claimedAt - published;
    const [{ left }] = await testDb.db
      .select({ left: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(sql`org_id = ${acme.orgId} and status <> 'succeeded'`);
    console.log(
      `[fairness] ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: globex event claimed within ${claimLatency} ms, arrived ${latency} ms after publishing (worker lead ${Math.round(lead)} ms); acme backlog still ${left} of ${BACKLOG}`,
    );
    expect(left).toBeGreaterThan(BACKLOG / 2); // the backlog was really still there
    expect(claimLatency).toBeLessThan(1_000);
    // Unfair (oldest first) it would wait for the whole backlog: 20,000 at 4 × 100/s ≈ 50 s. On a quiet host it
    // arrives within a second; a host loaded far beyond its cores adds the lead and event-loop lag, hence the slack.
    expect(latency).toBeLessThan(3_000 + lead);
    const [g] = await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, globexHook.id));
    await waitFor(async () => (await testDb.db.select().from(deliveries).where(eq(deliveries.id, g.id)))[0].status === "succeeded");
  }, 60_000);
});
