import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { attempts, deliveries, events, webhooks } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";
import { toDeliveryView } from "./view";

/** One delivery with its attempts timeline (request headers already redacted when recorded). */
export async function getDelivery({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const [row] = await db
    .select({ d: deliveries, type: events.type, name: webhooks.name })
    .from(deliveries)
    .innerJoin(events, and(eq(events.orgId, deliveries.orgId), eq(events.id, deliveries.eventId)))
    .innerJoin(webhooks, eq(webhooks.id, deliveries.webhookId))
    .where(and(eq(deliveries.id, id), eq(deliveries.orgId, actor.orgId)));
  if (!row) throw notFound("No such delivery.");
  const tries = await db.select().from(attempts).where(eq(attempts.deliveryId, id)).orderBy(asc(attempts.startedAt));
  return {
    ...toDeliveryView(row.d, row.type, row.name),
    attempts_: tries.map((t) => ({ ...t, startedAt: t.startedAt.toISOString(), nextAttemptAt: t.nextAttemptAt?.toISOString() ?? null })),
  };
}
