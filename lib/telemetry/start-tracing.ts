import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

const g = globalThis as unknown as { __wcTracing?: NodeTracerProvider };

/**
 * Starts the OpenTelemetry trace SDK when the standard OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) is set;
 * otherwise nothing: the API stays a no-op. The OTLP/HTTP exporter sends JSON and reads the other standard
 * OTEL_EXPORTER_OTLP_* variables (headers, timeout) itself.
 */
export function startTracing(serviceName: string) {
  if (g.__wcTracing) return g.__wcTracing;
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT && !process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY ?? 1000) })],
  });
  provider.register();
  g.__wcTracing = provider;
  return provider;
}

/** Flushes and stops the exporter (worker shutdown, tests). */
export async function stopTracing() {
  const provider = g.__wcTracing;
  g.__wcTracing = undefined;
  await provider?.shutdown();
}
