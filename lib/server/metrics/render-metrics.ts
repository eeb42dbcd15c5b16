import "server-only";
import { Counter, Gauge, Registry } from "prom-client";
import { LATENCY_BOUNDS_MS } from "@/lib/db/schema";
import type { DeliveryMetrics } from "./read-delivery-metrics";

const escapeLabel = (v: string) => v.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");

/**
 * Prometheus text for the database-derived figures. Counters and gauges go through prom-client; the histogram is
 * written here because prom-client's Histogram can only observe one value at a time, and ours arrives pre-bucketed
 * from the rollups (same bounds, cumulative as the format wants).
 */
export async function renderDeliveryMetrics(m: DeliveryMetrics, extra: { workersAlive?: number } = {}) {
  const registry = new Registry();
  const deliveries = new Counter({
    name: "webhook_console_deliveries_total",
    help: "Delivery attempts by outcome (succeeded, failed = will retry, diverted = gave up); test events excluded.",
    labelNames: ["org", "outcome"] as const,
    registers: [registry],
  });
  const queued = new Gauge({
    name: "webhook_console_queue_depth",
    help: "Deliveries waiting to be sent (pending, or failed and due for a retry).",
    labelNames: ["org"] as const,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: "webhook_console_oldest_due_age_seconds",
    help: "How long the oldest due delivery has waited past its due time (0 when none is due).",
    labelNames: ["org"] as const,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: "webhook_console_in_flight_sends",
    help: "Deliveries a worker holds and is sending now.",
    labelNames: ["org"] as const,
    registers: [registry],
  });
  for (const o of m.outcomes) for (const outcome of ["succeeded", "failed", "diverted"] as const) deliveries.inc({ org: o.org, outcome }, o[outcome]);
  for (const q of m.queue) {
    queued.set({ org: q.org }, q.queued);
    oldest.set({ org: q.org }, q.oldestDueSeconds);
    inFlight.set({ org: q.org }, q.inFlight);
  }
  if (extra.workersAlive !== undefined) {
    new Gauge({ name: "webhook_console_workers_alive", help: "Delivery worker processes with a recent heartbeat.", registers: [registry] }).set(
      extra.workersAlive,
    );
  }
  return (await registry.metrics()) + histogram(m);
}

function histogram(m: DeliveryMetrics) {
  const name = "webhook_console_attempt_duration_seconds";
  const lines = [`# HELP ${name} Duration of delivery attempts (request sent to response read), test events excluded.`, `# TYPE ${name} histogram`];
  for (const o of m.outcomes) {
    const org = `org="${escapeLabel(o.org)}"`;
    let cumulative = 0;
    LATENCY_BOUNDS_MS.forEach((bound, i) => {
      cumulative += o.buckets[i];
      lines.push(`${name}_bucket{${org},le="${bound / 1000}"} ${cumulative}`);
    });
    cumulative += o.buckets[LATENCY_BOUNDS_MS.length];
    lines.push(`${name}_bucket{${org},le="+Inf"} ${cumulative}`, `${name}_sum{${org}} ${o.durationMsSum / 1000}`, `${name}_count{${org}} ${cumulative}`);
  }
  return lines.join("\n") + "\n";
}
