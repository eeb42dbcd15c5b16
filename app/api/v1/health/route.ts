// GET /api/v1/health — liveness and database reachability
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, kind } = await getDbHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: kind });
  } catch {
    return Response.json({ status: "error" }, { status: 503 });
  }
}
