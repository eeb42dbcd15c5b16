import crypto from "node:crypto";
import { context, ROOT_CONTEXT, trace, TraceFlags, type Context, type Span } from "@opentelemetry/api";

/** The @opentelemetry/api tracer: a no-op until startTracing() registers the SDK (OTEL_EXPORTER_OTLP_ENDPOINT set). */
export const tracer = () => trace.getTracer("webhook-console");

/** Where startTracing() keeps its provider (global: Next bundles this module once per layer). */
export const TRACING_KEY = Symbol.for("webhook-console.tracing");

/** Whether startTracing() registered the SDK: hot paths skip building spans nobody records. */
export const tracingOn = () => (globalThis as Record<symbol, unknown>)[TRACING_KEY] !== undefined;

/**
 * The trace an event's spans belong to, derived from the event id: the publish span (web server) and every attempt
 * span (any worker process, any retry, days later) land in one trace without storing a trace context with the event.
 * The parent is a remote span context nobody exports; tracing UIs show the publish and attempts as its children.
 */
export function eventTraceContext(orgId: string, eventId: string): Context {
  const hash = crypto.createHash("sha256").update(`${orgId}/${eventId}`).digest("hex");
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: hash.slice(0, 32), spanId: hash.slice(32, 48), traceFlags: TraceFlags.SAMPLED, isRemote: true });
}

/** Runs fn inside a span that ends with it (error status and exception recorded when it throws). */
export async function inSpan<T>(name: string, ctx: Context, attributes: Record<string, string | number | boolean>, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, ctx, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: 2, message: String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

export { context };
