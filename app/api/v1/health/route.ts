// GET /api/v1/health — liveness and database reachability
import { checkDatabase } from "@/lib/server/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return Response.json({ status: "ok", ...(await checkDatabase()) });
  } catch {
    return Response.json({ status: "error" }, { status: 503 });
  }
}
