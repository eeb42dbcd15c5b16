import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { eventTypes } from "@/lib/db/schema";
import type { CreateEventTypeInput } from "@/lib/schemas/event-types";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";

export async function createEventType({ actor, input }: { actor: Actor; input: CreateEventTypeInput }) {
  assertCan(actor, "event-types.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: eventTypes.id })
      .from(eventTypes)
      .where(and(eq(eventTypes.orgId, actor.orgId), eq(eventTypes.name, input.name)));
    if (exists) throw conflict("This event type exists already.", [{ path: "name", message: `“${input.name}” is already in the catalog.` }]);
    const [row] = await tx
      .insert(eventTypes)
      .values({ ...input, orgId: actor.orgId })
      .returning();
    await recordAudit({ actor, orgId: actor.orgId, action: "event_type.created", target: { type: "event_type", id: row.id, label: row.name } }, tx);
    return row;
  });
}
