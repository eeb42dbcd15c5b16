import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";

export async function countDiverted(actor: Actor): Promise<number> {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(and(eq(deliveries.orgId, actor.orgId), eq(deliveries.status, "diverted")));
  return n;
}
