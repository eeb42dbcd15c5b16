import "server-only";
import { and, desc, eq, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { OPERATIONAL_SOURCE } from "@/lib/schemas/alerts";
import { getDb } from "@/lib/db/client";
import { deliveries, events } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";

const count = (status: string) => sql<number>`(count(${deliveries.id}) filter (where ${deliveries.status} = ${status}))::int`;

/** Published events, newest first, with how their deliveries are doing. */
export async function listEvents({ actor, query }: { actor: Actor; query: { type?: string; cursor?: string; count: number } }) {
  assertCan(actor, "events.read");
  const db = await getDb();
  const where: SQL[] = [eq(events.orgId, actor.orgId), ne(events.source, OPERATIONAL_SOURCE)];
  if (query.type) where.push(eq(events.type, query.type));
  const after = query.cursor ? Buffer.from(query.cursor, "base64url").toString().split("|") : null;
  if (after?.length === 2) where.push(or(lt(events.time, new Date(after[0])), and(eq(events.time, new Date(after[0])), lt(events.id, after[1])))!);
  const rows = await db
    .select({
      id: events.id,
      type: events.type,
      source: events.source,
      time: events.time,
      isTest: events.isTest,
      succeeded: count("succeeded"),
      diverted: count("diverted"),
      pending: sql<number>`(count(${deliveries.id}) filter (where ${deliveries.status} in ('pending', 'sending', 'failed')))::int`,
    })
    .from(events)
    .leftJoin(deliveries, and(eq(deliveries.orgId, events.orgId), eq(deliveries.eventId, events.id)))
    .where(and(...where))
    .groupBy(events.orgId, events.id)
    .orderBy(desc(events.time), desc(events.id))
    .limit(query.count + 1);
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
  const [row] = await db.select().from(events).where(and(eq(events.orgId, actor.orgId), eq(events.id, id)));
  if (!row) throw notFound("No such event.");
  return { id: row.id, type: row.type, source: row.source, time: row.time.toISOString(), data: row.data, isTest: row.isTest };
}
