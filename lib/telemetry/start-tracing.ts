import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

import { TRACING_KEY } from "./tracer";

const g = globalThis as unknown as Record<typeof TRACING_KEY, NodeTracerProvider | undefined>;

/**
 * Starts the OpenTelemetry trace SDK when the standard OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) is set;
 * otherwise nothing: the API stays a no-op. The OTLP/HTTP exporter sends JSON and reads the other standard
 * OTEL_EXPORTER_OTLP_* variables (headers, timeout) itself.
 */
export function startTracing(serviceName: string) {
  if (g[TRACING_KEY]) return g[TRACING_KEY];
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT && !process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 1000) })],
  });
  provider.register();
  g[TRACING_KEY] = provider;
  return provider;
}

/** Flushes and stops the exporter (worker shutdown, tests). */
export async function stopTracing() {
  const provider = g[TRACING_KEY];
  g[TRACING_KEY] = undefined;
  await provider?.shutdown();
}
