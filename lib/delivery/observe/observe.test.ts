import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import parsePrometheus from "parse-prometheus-text-format";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { deliveries, deliveryRollups, organizations } from "@/lib/db/schema";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { publishEvent } from "@/lib/server/events/publish-event";
import { startTracing, stopTracing } from "@/lib/telemetry/start-tracing";
import { serveMetrics as metricsRoute } from "@/lib/server/metrics/serve-metrics";
import type { Worker } from "../engine/worker";
import { compactRollups } from "./rollups";
import { heartbeats } from "../engine/heartbeat";

type Span = { name: string; traceId: string; attributes: { key: string; value: Record<string, unknown> }[] };

/** A local OTLP/HTTP receiver (JSON encoding, what @opentelemetry/exporter-trace-otlp-http sends). */
async function startOtlpReceiver() {
  const spans: Span[] = [];
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.url === "/v1/traces") {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...ss.spans);
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, close: () => new Promise((r) => server.close(r)) };
}
const attr = (s: Span, key: string) => Object.values(s.attributes.find((a) => a.key === key)?.value ?? {})[0];

const testDb = useTestDatabase();
let worker: Worker;
let receiver: Receiver;
let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
beforeAll(async () => {
  otlp = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = otlp.url;
  process.env.OTEL_BSP_SCHEDULE_DELAY = "100";
  startTracing("webhook-console-test");
  worker = await startTestWorker();
  receiver = await startReceiver({ handler: (r, res) => res.writeHead(r.path.startsWith("/fail") ? 500 : 200).end() });
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await stopTracing();
  await otlp?.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
});

async function scrape(token: string | undefined, authorization?: string) {
  if (token) process.env.METRICS_TOKEN = token;
  else delete process.env.METRICS_TOKEN;
  (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
  return metricsRoute(new Request("http://localhost/api/v1/metrics", { headers: authorization ? { authorization } : {} }));
}

describe("rollups, metrics and traces", () => {
  it("counts each result batch into the rollups, serves them as Prometheus metrics, and traces publish and attempts", async () => {
    const actor = await testActor("acme", ["admin"]);
    const ok = await createWebhook({ actor, input: createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/ok`, eventTypes: ["order.created"] })) });
    const failing = await createWebhook({
      actor,
      input: createWebhookSchema.parse(
        webhookBody({
          url: `${receiver.url}/fail`,
          eventTypes: ["order.created"],
          failureHandling: { maxAttempts: 2, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 50 },
        }),
      ),
    });
    const before = parsePrometheus(await (await scrape("metrics-token-0123456789", "Bearer metrics-token-0123456789")).text());
    const counter = (families: typeof before, outcome: string) =>
      Number(
        families.find((f) => f.name === "webhook_console_deliveries_total")?.metrics.find((m) => m.labels?.org === "acme" && m.labels?.outcome === outcome)
          ?.value ?? 0,
      );

    const published = [];
    for (let i = 0; i < 5; i++) published.push(await publishEvent({ actor, input: { type: "order.created", data: { i } } }));
    // 5 succeed at once; 5 fail, are retried after ~1 s, fail again and are diverted.
    await waitFor(async () => {
      const rows = await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, failing.row.id));
      return rows.every((d) => d.status === "diverted");
    }, 30_000);
    await waitFor(
      async () => (await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, ok.row.id))).every((d) => d.status === "succeeded"),
      30_000,
    );

    // Every attempt is counted once in the minute rows and once in the hour rows.
    const sums = async (webhookId: string, seconds: number) =>
      (
        await testDb.db
          .select({ s: sql<number>`sum(succeeded)::int`, f: sql<number>`sum(failed)::int`, d: sql<number>`sum(diverted)::int` })
          .from(deliveryRollups)
          .where(and(eq(deliveryRollups.webhookId, webhookId), eq(deliveryRollups.bucketSeconds, seconds)))
      )[0];
    for (const seconds of [60, 3600]) {
      expect(await sums(ok.row.id, seconds)).toEqual({ s: 5, f: 0, d: 0 });
      expect(await sums(failing.row.id, seconds)).toEqual({ s: 0, f: 5, d: 5 });
    }

    const response = await scrape("metrics-token-0123456789", "Bearer metrics-token-0123456789");
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const families = parsePrometheus(text);
    expect(counter(families, "succeeded") - counter(before, "succeeded")).toBe(5);
    expect(counter(families, "failed") - counter(before, "failed")).toBe(5);
    expect(counter(families, "diverted") - counter(before, "diverted")).toBe(5);
    // The parser flattens histograms to their `le` label only (drops `org`), so the acme series is read from the text.
    expect(families.find((f) => f.name === "webhook_console_attempt_duration_seconds")?.type).toBe("HISTOGRAM");
    const series = (suffix: string, extra = "") =>
      Number(text.match(new RegExp(`^webhook_console_attempt_duration_seconds_${suffix}\\{org="acme"${extra}\\} (\\S+)$`, "m"))?.[1]);
    const total = counter(families, "succeeded") + counter(families, "failed") + counter(families, "diverted");
    expect(series("count")).toBe(total);
    expect(series("bucket", ',le="\\+Inf"')).toBe(total);
    expect(series("bucket", ',le="0.025"')).toBeLessThanOrEqual(series("bucket", ',le="10"'));
    const published_ = families.find((f) => f.name === "webhook_console_events_published_total")!.metrics.find((m) => m.labels?.org === "acme");
    expect(Number(published_?.value)).toBeGreaterThanOrEqual(5);
    expect(families.find((f) => f.name === "webhook_console_queue_depth")).toBeTruthy();
    expect(families.find((f) => f.name === "webhook_console_oldest_due_age_seconds")).toBeTruthy();
    // Workers alive: those with a recent heartbeat (a worker process beats through heartbeats(); here one beat).
    expect(Number(families.find((f) => f.name === "webhook_console_workers_alive")?.metrics[0].value)).toBe(0);
    await heartbeats(testDb.db, { embedded: true }).beat({ workerId: worker.workerId, inFlight: 0, delivered: 10, leadMs: 0 });
    const afterBeat = parsePrometheus(await (await scrape("metrics-token-0123456789", "Bearer metrics-token-0123456789")).text());
    expect(Number(afterBeat.find((f) => f.name === "webhook_console_workers_alive")?.metrics[0].value)).toBe(1);

    // Each event's publish span and its three attempt spans (one success; a failure, then its retry diverted) share one trace.
    const eventId = published[0].id;
    const spansOf = () => otlp.spans.filter((s) => attr(s, "webhook.event_id") === eventId);
    await waitFor(() => spansOf().filter((s) => s.name === "webhook.attempt").length >= 3 && spansOf().some((s) => s.name === "webhook.publish"));
    expect(new Set(spansOf().map((s) => s.traceId)).size).toBe(1);
    expect(
      spansOf()
        .map((s) => attr(s, "webhook.outcome"))
        .filter(Boolean)
        .sort(),
    ).toEqual(["diverted", "failed", "succeeded"]);
  }, 90_000);

  it("answers 404 without METRICS_TOKEN and 401 with a wrong token", async () => {
    expect((await scrape(undefined, "Bearer anything-at-all-here")).status).toBe(404);
    expect((await scrape("metrics-token-0123456789", "Bearer metrics-token-012345678X")).status).toBe(401);
    expect((await scrape("metrics-token-0123456789")).status).toBe(401);
  });

  it("drops minute rows older than a day (their hours count them) and folds hours past 35 days into one all-time row", async () => {
    const [org] = await testDb.db.select().from(organizations).where(eq(organizations.slug, "globex"));
    const webhookId = crypto.randomUUID();
    const now = new Date("2026-03-10T12:00:00Z");
    const row = (iso: string, seconds: number, succeeded: number) => ({
      orgId: org.id,
      webhookId,
      bucketStart: new Date(iso),
      bucketSeconds: seconds,
      succeeded,
      le25: succeeded,
      durationMsSum: succeeded * 10,
    });
    await testDb.db.insert(deliveryRollups).values([
      row("2026-03-10T11:59:00Z", 60, 1), // recent: stays
      row("2026-03-10T11:00:00Z", 3600, 1),
      row("2026-03-09T10:05:00Z", 60, 2), // older than a day: dropped, its hour stays
      row("2026-03-09T10:00:00Z", 3600, 2),
      row("1970-01-01T00:00:00Z", 0, 1), // an all-time row already there: added to
      row("2026-01-01T00:00:00Z", 3600, 5), // past 35 days: into the all-time row
      row("2026-01-01T01:00:00Z", 3600, 3),
    ]);
    await compactRollups(testDb.db, now);
    const rows = await testDb.db
      .select()
      .from(deliveryRollups)
      .where(eq(deliveryRollups.webhookId, webhookId))
      .orderBy(deliveryRollups.bucketSeconds, deliveryRollups.bucketStart);
    expect(rows.map((r) => [r.bucketSeconds, r.bucketStart.toISOString(), r.succeeded, r.le25, r.durationMsSum])).toEqual([
      [0, "1970-01-01T00:00:00.000Z", 9, 9, 90],
      [60, "2026-03-10T11:59:00.000Z", 1, 1, 10],
      [3600, "2026-03-09T10:00:00.000Z", 2, 2, 20],
      [3600, "2026-03-10T11:00:00.000Z", 1, 1, 10],
    ]);
  });
});
