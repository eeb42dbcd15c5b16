// GET /api/v1/metrics — Prometheus text format, bearer METRICS_TOKEN (404 when unset)
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metricsTokenMatches } from "@/lib/server/metrics/metrics-token";
import { readDeliveryMetrics } from "@/lib/server/metrics/read-delivery-metrics";
import { renderDeliveryMetrics } from "@/lib/server/metrics/render-metrics";
import { listWorkers } from "@/lib/server/workers/list-workers";
import { processMetrics } from "@/lib/telemetry/process-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  if (!metricsTokenMatches(request.headers.get("authorization"), token)) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const db = await getDb();
  const [deliveries, workers] = await Promise.all([readDeliveryMetrics(db), listWorkers(db)]);
  const workersAlive = workers.filter((w) => w.state === "live").length;
  const text = (await processMetrics().registry.metrics()) + (await renderDeliveryMetrics(deliveries, { workersAlive }));
  return new Response(text, { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" } });
}
