import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, getDbHandle, type Tx } from "@/lib/db/client";
import { deliveries, eventTypes, events, webhooks } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { newId } from "@/lib/crypto/tokens";
import type { PublishEventInput } from "@/lib/schemas/delivery";
import { CHANNEL, wakeWorkers } from "@/lib/delivery/engine/wake";
import { assertCan, type Actor } from "../authz";
import { invalid } from "../errors";

type Target = { id: string; version: number; status: string };

/** Outbox: the event and one delivery per matching webhook in one transaction; suspended webhooks' are diverted at once. */
export async function insertEventWithDeliveries(
  tx: Tx,
  { orgId, id, type, data, isTest, targets, source }: { orgId: string; id: string; type: string; data: unknown; isTest: boolean; targets: Target[]; source?: string },
) {
  const inserted = await tx.insert(events).values({ orgId, id, type, source: source ?? env().EVENT_SOURCE, data, isTest }).onConflictDoNothing().returning({ id: events.id });
  if (inserted.length === 0) return { duplicate: true, deliveryIds: [] as string[] };
  if (targets.length === 0) return { duplicate: false, deliveryIds: [] };
  const rows = await tx
    .insert(deliveries)
    .values(
      targets.map((w) => ({
        orgId,
        eventId: id,
        webhookId: w.id,
        webhookVersion: w.version,
        isTest,
        ...(w.status === "suspended" ? { status: "diverted" as const, divertedReason: "suspended" as const, divertedAt: new Date() } : {}),
      })),
    )
    .returning({ id: deliveries.id });
  if ((await getDbHandle()).kind === "postgres") await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
  return { duplicate: false, deliveryIds: rows.map((r) => r.id) };
}

export async function publishEvent({ actor, input }: { actor: Actor; input: PublishEventInput }) {
  assertCan(actor, "events.publish");
  const db = await getDb();
  const id = input.id ?? `evt_${newId().replaceAll("-", "")}`;
  const result = await db.transaction(async (tx) => {
    const [type] = await tx.select({ name: eventTypes.name }).from(eventTypes).where(and(eq(eventTypes.orgId, actor.orgId), eq(eventTypes.name, input.type)));
    if (!type) throw invalid([{ path: "type", message: `“${input.type}” is not in this organization's event-type catalog.` }]);
    const targets = await tx
      .select({ id: webhooks.id, version: webhooks.version, status: webhooks.status })
      .from(webhooks)
      .where(and(eq(webhooks.orgId, actor.orgId), eq(webhooks.kind, "endpoint"), inArray(webhooks.status, ["active", "suspended"]), sql`${webhooks.eventTypes} @> array[${input.type}]::text[]`));
    return insertEventWithDeliveries(tx, { orgId: actor.orgId, id, type: input.type, data: input.data, isTest: false, targets });
  });
  wakeWorkers();
  return { id, deliveries: result.deliveryIds.length, duplicate: result.duplicate };
}
