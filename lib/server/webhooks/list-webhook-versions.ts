import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { webhooks, webhookVersions } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";

/** The configuration history, newest first. Versions are secret-free by construction (see recordVersion). */
export async function listWebhookVersions({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "webhooks.read");
  const db = await getDb();
  const [exists] = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, actor.orgId)));
  if (!exists) throw notFound("No such webhook.");
  const rows = await db
    .select()
    .from(webhookVersions)
    .where(and(eq(webhookVersions.webhookId, id), eq(webhookVersions.orgId, actor.orgId)))
    .orderBy(desc(webhookVersions.version));
  return rows.map((r) => ({
    version: r.version,
    changedFields: r.changedFields,
    config: r.config,
    actorLabel: r.actorLabel,
    createdAt: r.createdAt.toISOString(),
  }));
}
