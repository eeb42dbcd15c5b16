import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { eventTypes } from "@/lib/db/schema";
import type { UpdateEventTypeInput } from "@/lib/schemas/event-types";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";

export async function updateEventType({ actor, id, input }: { actor: Actor; id: string; input: UpdateEventTypeInput }) {
  assertCan(actor, "event-types.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventTypes)
      .set(input)
      .where(and(eq(eventTypes.id, id), eq(eventTypes.orgId, actor.orgId)))
      .returning();
    if (!row) throw notFound("No such event type.");
    await recordAudit({ actor, orgId: actor.orgId, action: "event_type.updated", target: { type: "event_type", id, label: row.name }, summary: input }, tx);
    return row;
  });
}
