import { Counter, Registry } from "prom-client";

const g = globalThis as unknown as { __wcProcessMetrics?: { registry: Registry; published: Counter<"org"> } };

/**
 * Metrics only this process knows. Publishing happens in web servers, so each web server counts its own publishes:
 * scrape every web server (Prometheus' usual one target per instance) and sum. Everything else on /metrics is
 * read from the database at scrape time and is the same whichever process answers.
 */
export function processMetrics() {
  if (!g.__wcProcessMetrics) {
    const registry = new Registry();
    const published = new Counter({
      name: "webhook_console_events_published_total",
      help: "Events accepted by POST /events in this process (duplicates not counted).",
      labelNames: ["org"] as const,
      registers: [registry],
    });
    g.__wcProcessMetrics = { registry, published };
  }
  return g.__wcProcessMetrics;
}

export function countPublish(org: string) {
  processMetrics().published.inc({ org });
}
