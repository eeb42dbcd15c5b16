import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";

/** Diverted deliveries of the org, or of one webhook since a moment (what unsuspending can redeliver). */
export async function countDiverted(actor: Actor, scope?: { webhookId: string; since: Date | null }): Promise<number> {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const where = [eq(deliveries.orgId, actor.orgId), eq(deliveries.status, "diverted")];
  if (scope) where.push(eq(deliveries.webhookId, scope.webhookId), gte(deliveries.divertedAt, scope.since ?? new Date(0)));
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(and(...where));
  return n;
}
