// GET /api/v1/health — liveness and database reachability (503 `database: unreachable` while it is down)
// GET /api/v1/health?ready=1 — readiness: also 503 when deliveries are due and no worker has heartbeated for 30 s
import { checkDatabase, RETRY_AFTER_SECONDS } from "@/lib/server/health/check-database";
import { checkReadiness } from "@/lib/server/workers/check-readiness";

export const dynamic = "force-dynamic";

const unreachable = () =>
  Response.json(
    { status: "error", database: "unreachable" },
    { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" } },
  );

export async function GET(req: Request) {
  let kind: string;
  try {
    kind = (await checkDatabase()).database;
  } catch {
    return unreachable();
  }
  if (!new URL(req.url).searchParams.has("ready")) return Response.json({ status: "ok", database: kind }, { headers: { "cache-control": "no-store" } });
  try {
    const ready = await checkReadiness();
    return Response.json(
      { status: ready.ready ? "ok" : "error", database: kind, ...ready },
      { status: ready.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
    );
  } catch {
    return unreachable();
  }
}
