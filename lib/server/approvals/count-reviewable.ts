import "server-only";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import { can, type Actor } from "../authz";
import { notMadeBy } from "./not-made-by";

/** Pending requests the actor could decide (someone else's); 0 for those who cannot review. */
export async function countReviewable(actor: Actor): Promise<number> {
  if (!can(actor, "changes.review")) return 0;
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(changeRequests)
    .where(
      and(
        eq(changeRequests.orgId, actor.orgId),
        eq(changeRequests.status, "pending"),
        ne(changeRequests.requesterId, actor.id),
        notMadeBy(actor),
        gt(changeRequests.expiresAt, sql`now()`),
      ),
    );
  return n;
}
