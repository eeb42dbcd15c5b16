import "server-only";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveries, events, webhooks } from "@/lib/db/schema";
import type { DeliveryListQuery } from "@/lib/schemas/delivery";
import { assertCan, type Actor } from "../authz";
import { decodeCursor, encodeCursor, toDeliveryView } from "./view";

/** Delivery log, newest first, keyset-paginated; the diverted-events page is this with status=diverted. */
export async function listDeliveries({ actor, query }: { actor: Actor; query: DeliveryListQuery }) {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const where: SQL[] = [eq(deliveries.orgId, actor.orgId)];
  if (query.webhookId) where.push(eq(deliveries.webhookId, query.webhookId));
  if (query.eventId) where.push(eq(deliveries.eventId, query.eventId));
  if (query.status) where.push(eq(deliveries.status, query.status));
  if (query.eventType) where.push(eq(events.type, query.eventType));
  const after = decodeCursor(query.cursor);
  if (after) where.push(or(lt(deliveries.createdAt, after.createdAt), and(eq(deliveries.createdAt, after.createdAt), lt(deliveries.id, after.id)))!);
  const rows = await db
    .select({ d: deliveries, type: events.type, name: webhooks.name })
    .from(deliveries)
    .innerJoin(events, and(eq(events.orgId, deliveries.orgId), eq(events.id, deliveries.eventId)))
    .innerJoin(webhooks, eq(webhooks.id, deliveries.webhookId))
    .where(and(...where))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(query.count + 1);
  const page = rows.slice(0, query.count);
  return {
    items: page.map((r) => toDeliveryView(r.d, r.type, r.name)),
    nextCursor: rows.length > query.count ? encodeCursor(page[page.length - 1].d) : null,
  };
}
