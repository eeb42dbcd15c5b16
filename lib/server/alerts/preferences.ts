import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { notificationPreferences } from "@/lib/db/schema";
import type { PreferencesInput } from "@/lib/schemas/alerts";
import { AppError } from "../errors";
import type { Actor } from "../authz";

function assertPerson(actor: Actor) {
  if (actor.kind !== "user") throw new AppError("forbidden", "Preferences belong to a signed-in person, not to an API key.");
}

/** Default: every alert by e-mail (when the server has SMTP_URL). */
export async function getPreferences({ actor }: { actor: Actor }): Promise<PreferencesInput> {
  assertPerson(actor);
  const db = await getDb();
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, actor.id), eq(notificationPreferences.orgId, actor.orgId)));
  return { emailEnabled: row?.emailEnabled ?? true, mutedTypes: (row?.mutedTypes ?? []) as PreferencesInput["mutedTypes"] };
}

export async function savePreferences({ actor, input }: { actor: Actor; input: PreferencesInput }) {
  assertPerson(actor);
  const db = await getDb();
  const values = { emailEnabled: input.emailEnabled, mutedTypes: [...new Set(input.mutedTypes)] };
  await db
    .insert(notificationPreferences)
    .values({ userId: actor.id, orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.orgId], set: values });
  return values;
}
