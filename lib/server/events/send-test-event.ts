import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { eventTypes, webhooks } from "@/lib/db/schema";
import { newId } from "@/lib/crypto/tokens";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict, invalid, notFound } from "../errors";
import { insertEventWithDeliveries } from "./publish-event";

/** A test event (is_test: true) to this webhook only, through the same path as every delivery. */
export async function sendTestEvent({ actor, webhookId, eventType }: { actor: Actor; webhookId: string; eventType: string }) {
  assertCan(actor, "webhooks.test");
  const db = await getDb();
  const id = `evt_test_${newId().replaceAll("-", "")}`;
  const deliveryId = await db.transaction(async (tx) => {
    const [hook] = await tx
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.id, webhookId), eq(webhooks.orgId, actor.orgId)));
    if (!hook) throw notFound("No such webhook.");
    if (hook.status === "pending") throw conflict("This webhook is awaiting approval and receives nothing yet, not even tests.");
    const [type] = await tx
      .select()
      .from(eventTypes)
      .where(and(eq(eventTypes.orgId, actor.orgId), eq(eventTypes.name, eventType)));
    if (!type) throw invalid([{ path: "eventType", message: `“${eventType}” is not in the catalog.` }]);
    // Tests go out even to a disabled or suspended webhook: checking the endpoint is what they are for.
    const { deliveryIds } = await insertEventWithDeliveries(tx, {
      orgId: actor.orgId,
      id,
      type: eventType,
      data: type.examplePayload,
      isTest: true,
      targets: [{ id: hook.id, version: hook.version, status: "active" }],
    });
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "webhook.test_sent",
        target: { type: "webhook", id: hook.id, label: hook.name },
        summary: { eventType, eventId: id },
      },
      tx,
    );
    return deliveryIds[0];
  });
  wakeWorkers();
  return { eventId: id, deliveryId };
}
