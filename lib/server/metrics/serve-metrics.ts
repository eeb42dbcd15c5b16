import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { processMetrics } from "@/lib/telemetry/process-metrics";
import { listWorkers } from "../workers/list-workers";
import { metricsTokenMatches } from "./metrics-token";
import { readDeliveryMetrics } from "./read-delivery-metrics";
import { renderDeliveryMetrics } from "./render-metrics";

/** The Prometheus scrape: 404 without METRICS_TOKEN (the endpoint does not exist), 401 for a wrong bearer token. */
export async function serveMetrics(request: Request): Promise<Response> {
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
