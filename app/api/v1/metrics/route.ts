// GET /api/v1/metrics — Prometheus text format, bearer METRICS_TOKEN (404 when unset); see docs/observability.md
import { serveMetrics } from "@/lib/server/metrics/serve-metrics";

export const dynamic = "force-dynamic";

export const GET = serveMetrics;
