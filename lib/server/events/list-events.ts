import "server-only";
import { and, desc, eq, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { OPERATIONAL_SOURCE } from "@/lib/schemas/alerts";
import { getDb } from "@/lib/db/client";
import { deliveries, events } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";
import { decodeKeysetCursor } from "@/lib/schemas/common";
import { badCursor } from "../deliveries/view";

const count = (status: string) => sql<number>`(count(${deliveries.id}) filter (where ${deliveries.status} = ${status}))::int`;

/** Published events, newest first, with how their deliveries are doing. */
export async function listEvents({ actor, query }: { actor: Actor; query: { type?: string; cursor?: string; count: number } }) {
  assertCan(actor, "events.read");
  const db = await getDb();
  const where: SQL[] = [eq(events.orgId, actor.orgId), ne(events.source, OPERATIONAL_SOURCE)];
  if (query.type) where.push(eq(events.type, query.type));
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : null;
  if (query.cursor && !after) throw badCursor();
  if (after) where.push(or(lt(events.time, after.at), and(eq(events.time, after.at), lt(events.id, after.id)))!);
  // The page of events first (the org/time index), then the delivery counts of just those events: aggregating
  // before the limit would count every delivery the org ever had (seconds with a million of them).
  const pageRows = await db
    .select({ id: events.id, type: events.type, source: events.source, time: events.time, isTest: events.isTest })
    .from(events)
    .where(and(...where))
    .orderBy(desc(events.time), desc(events.id))
    .limit(query.count + 1);
  const counts = pageRows.length
    ? await db
        .select({
          eventId: deliveries.eventId,
          succeeded: count("succeeded"),
          diverted: count("diverted"),
          pending: sql<number>`(count(${deliveries.id}) filter (where ${deliveries.status} in ('pending', 'sending', 'failed')))::int`,
        })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.orgId, actor.orgId),
            inArray(
              deliveries.eventId,
              pageRows.map((e) => e.id),
            ),
          ),
        )
        .groupBy(deliveries.eventId)
    : [];
  const byEvent = new Map(counts.map((c) => [c.eventId, c]));
  const rows = pageRows.map((e) => {
    const c = byEvent.get(e.id);
    return { ...e, succeeded: c?.succeeded ?? 0, diverted: c?.diverted ?? 0, pending: c?.pending ?? 0 };
  });
  const page = rows.slice(0, query.count);
  const last = page[page.length - 1];
  return {
    items: page.map((e) => ({ ...e, time: e.time.toISOString() })),
    nextCursor: rows.length > query.count ? Buffer.from(`${last.time.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}

/** The full event: the consumer's "Get Event" for thin payloads. */
export async function getEvent({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "events.read");
  const db = await getDb();
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.orgId, actor.orgId), eq(events.id, id)));
  if (!row) throw notFound("No such event.");
  return { id: row.id, type: row.type, source: row.source, time: row.time.toISOString(), data: row.data, isTest: row.isTest };
}
