import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { memberships } from "@/lib/db/schema";

/** An install is set up once any organization has an admin; until then /setup is open to the token holder. */
export async function hasAnyAdmin(db: DbOrTx): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(memberships)
    .where(sql`'admin' = any(${memberships.roles})`)
    .limit(1);
  return rows.length > 0;
}

/** For pages: whether the one-time setup step is still open (no admin anywhere yet). */
export async function isSetUp(): Promise<boolean> {
  return hasAnyAdmin(await getDb());
}
