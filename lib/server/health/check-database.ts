import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db/client";

/** Liveness: the database answers a trivial query. Throws when it does not. */
export async function checkDatabase(): Promise<{ database: "pglite" | "postgres" }> {
  const { db, kind } = await getDbHandle();
  await db.execute(sql`select 1`);
  return { database: kind };
}
