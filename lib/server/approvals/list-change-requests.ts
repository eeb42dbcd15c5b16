import "server-only";
import { and, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import type { ChangeRequestListQuery } from "@/lib/schemas/approvals";
import { assertCan, type Actor } from "../authz";
import { expireDue } from "./close-request";
import { notMadeBy } from "./not-made-by";
import { toChangeRequestView } from "./view";

/** Newest first; `reviewable` narrows to pending requests someone else made (what the caller could decide). */
export async function listChangeRequests({ actor, query }: { actor: Actor; query: ChangeRequestListQuery }) {
  assertCan(actor, "changes.read");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  const where: SQL[] = [eq(changeRequests.orgId, actor.orgId)];
  if (query.status !== "all") where.push(eq(changeRequests.status, query.status));
  if (query.reviewable) where.push(eq(changeRequests.status, "pending"), ne(changeRequests.requesterId, actor.id), notMadeBy(actor));
  if (query.webhookId) where.push(eq(changeRequests.webhookId, query.webhookId));
  const filter = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(changeRequests).where(filter).orderBy(desc(changeRequests.createdAt), desc(changeRequests.id)).offset(query.offset).limit(query.count),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(changeRequests)
      .where(filter),
  ]);
  return { items: rows.map(toChangeRequestView), total, offset: query.offset, count: query.count };
}
