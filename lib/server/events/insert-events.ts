import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { deliveries, eventTypes, events, webhooks } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { CHANNEL } from "@/lib/delivery/engine/wake";
import type { FieldError } from "../errors";

/** One event to publish, already validated in shape; `orgId` lets one transaction carry several orgs' events. */
export type PendingEvent = { orgId: string; id: string; type: string; data: unknown };

export type InsertResult = { status: "accepted"; deliveries: number } | { status: "duplicate" } | { status: "invalid"; errors: FieldError[] };

// Multi-row inserts stay far below PostgreSQL's 65,535 bind parameters (deliveries have 8 per row).
const ROWS_PER_INSERT = 2_000;

/**
 * Outbox for many events at once, in the caller's transaction: a handful of statements whatever the count
 * (the catalog and the subscribed webhooks read once, one multi-row insert for events and one for deliveries).
 * An event whose type is not in its org's catalog is invalid and writes nothing; an id already stored (or
 * earlier in the same list) is a duplicate and writes nothing. Results are in the order of `items`.
 */
export async function insertEvents(tx: Tx, items: PendingEvent[], { notify }: { notify: boolean }): Promise<InsertResult[]> {
  const results: InsertResult[] = new Array<InsertResult>(items.length);
  if (items.length === 0) return results;
  const orgIds = [...new Set(items.map((i) => i.orgId))];
  const typeNames = [...new Set(items.map((i) => i.type))];
  const [catalog, targets] = await Promise.all([
    tx
      .select({ orgId: eventTypes.orgId, name: eventTypes.name })
      .from(eventTypes)
      .where(and(inArray(eventTypes.orgId, orgIds), inArray(eventTypes.name, typeNames))),
    tx
      .select({ id: webhooks.id, orgId: webhooks.orgId, version: webhooks.version, status: webhooks.status, eventTypes: webhooks.eventTypes })
      .from(webhooks)
      .where(
        and(
          inArray(webhooks.orgId, orgIds),
          eq(webhooks.kind, "endpoint"),
          inArray(webhooks.status, ["active", "suspended"]),
          sql`${webhooks.eventTypes} && ${sql.param(typeNames)}::text[]`,
        ),
      ),
  ]);
  const known = new Set(catalog.map((t) => `${t.orgId}/${t.name}`));
  const seen = new Set<string>();
  const candidates: number[] = [];
  items.forEach((item, i) => {
    const key = `${item.orgId}/${item.id}`;
    if (!known.has(`${item.orgId}/${item.type}`))
      results[i] = { status: "invalid", errors: [{ path: "type", message: `“${item.type}” is not in this organization's event-type catalog.` }] };
    else if (seen.has(key)) results[i] = { status: "duplicate" };
    else {
      seen.add(key);
      candidates.push(i);
    }
  });
  if (candidates.length === 0) return results;

  const source = env().EVENT_SOURCE;
  const inserted = new Set<string>();
  for (const chunk of chunks(candidates, ROWS_PER_INSERT)) {
    const rows = await tx
      .insert(events)
      .values(chunk.map((i) => ({ orgId: items[i].orgId, id: items[i].id, type: items[i].type, source, data: items[i].data, isTest: false })))
      .onConflictDoNothing()
      .returning({ orgId: events.orgId, id: events.id });
    for (const r of rows) inserted.add(`${r.orgId}/${r.id}`);
  }

  const now = new Date();
  const fanOut: (typeof deliveries.$inferInsert)[] = [];
  for (const i of candidates) {
    const item = items[i];
    if (!inserted.has(`${item.orgId}/${item.id}`)) {
      results[i] = { status: "duplicate" };
      continue;
    }
    let count = 0;
    for (const w of targets) {
      if (w.orgId !== item.orgId || !w.eventTypes.includes(item.type)) continue;
      count++;
      fanOut.push({
        orgId: item.orgId,
        eventId: item.id,
        webhookId: w.id,
        webhookVersion: w.version,
        // A suspended webhook's events are diverted at once (they are kept, not sent).
        ...(w.status === "suspended" ? { status: "diverted" as const, divertedReason: "suspended" as const, divertedAt: now } : {}),
      });
    }
    results[i] = { status: "accepted", deliveries: count };
  }
  for (const chunk of chunks(fanOut, ROWS_PER_INSERT)) await tx.insert(deliveries).values(chunk);
  if (notify && fanOut.length) await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
  return results;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
