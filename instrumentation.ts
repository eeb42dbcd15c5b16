// Opens (and in embedded mode migrates and seeds) the database when the server starts, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTracing } = await import("./lib/telemetry/start-tracing");
  startTracing("webhook-console"); // only when OTEL_EXPORTER_OTLP_ENDPOINT is set
  const { startServer } = await import("./lib/server/start-server");
  await startServer();
}
