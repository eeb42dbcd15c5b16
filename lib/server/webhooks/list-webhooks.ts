import "server-only";
import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests, organizations, webhooks } from "@/lib/db/schema";
import type { WebhookListQuery } from "@/lib/schemas/webhooks";
import { assertCan, type Actor } from "../authz";
import { escapeLike } from "../audit/list-audit-log";
import { toWebhookView } from "./view";

const ENABLED = ["active", "suspended"] as const;

/** Newest first; filters per Socotra (name, enabled, suspended, active, eventTypes any-of) plus status. */
export async function listWebhooks({ actor, query }: { actor: Actor; query: WebhookListQuery }) {
  assertCan(actor, "webhooks.read");
  const db = await getDb();
  const where: SQL[] = [eq(webhooks.orgId, actor.orgId), eq(webhooks.kind, "endpoint")];
  if (query.name) where.push(ilike(webhooks.name, `%${escapeLike(query.name)}%`));
  if (query.enabled !== undefined) where.push(eq(webhooks.enabled, query.enabled));
  if (query.suspended !== undefined) where.push(query.suspended ? eq(webhooks.status, "suspended") : sql`${webhooks.status} <> 'suspended'`);
  if (query.active !== undefined) where.push(query.active ? eq(webhooks.status, "active") : sql`${webhooks.status} <> 'active'`);
  if (query.status) where.push(eq(webhooks.status, query.status));
  if (query.eventTypes?.length)
    where.push(
      sql`${webhooks.eventTypes} && ${sql`array[${sql.join(
        query.eventTypes.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`}`,
    );
  const filter = and(...where);

  // One query for the page and its total (a window count); a second only when the page is past the end.
  const [rows, [counts]] = await Promise.all([
    db
      .select({ row: webhooks, pending: changeRequests.id, total: sql<number>`(count(*) over ())::int` })
      .from(webhooks)
      .leftJoin(changeRequests, and(eq(changeRequests.webhookId, webhooks.id), eq(changeRequests.status, "pending")))
      .where(filter)
      .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
      .offset(query.offset)
      .limit(query.count),
    db
      .select({
        active: sql<number>`(select count(*)::int from ${webhooks} where ${webhooks.orgId} = ${actor.orgId} and ${webhooks.kind} = 'endpoint' and ${inArray(webhooks.status, [...ENABLED])})`,
        limit: organizations.maxActiveWebhooks,
      })
      .from(organizations)
      .where(eq(organizations.id, actor.orgId)),
  ]);
  const total =
    rows[0]?.total ??
    (query.offset > 0
      ? (
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(webhooks)
            .where(filter)
        )[0].n
      : 0);
  return {
    items: rows.map((r) => toWebhookView(r.row, r.pending)),
    total,
    offset: query.offset,
    count: query.count,
    activeCount: counts.active,
    activeLimit: counts.limit,
  };
}
