import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { eventTypes } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";

export async function listEventTypes({ actor }: { actor: Actor }) {
  assertCan(actor, "event-types.read");
  const db = await getDb();
  return db.select().from(eventTypes).where(eq(eventTypes.orgId, actor.orgId)).orderBy(asc(eventTypes.name));
}
