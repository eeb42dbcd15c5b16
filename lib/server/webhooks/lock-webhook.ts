import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import type { Actor } from "../authz";
import { notFound } from "../errors";
import type { WebhookConfig } from "./merge-patch";
import type { WebhookRow } from "./view";

/** The row's configuration as the fields a change can touch. */
export const configOf = (row: WebhookRow): WebhookConfig => ({
  name: row.name,
  url: row.url,
  auth: row.auth,
  eventTypes: row.eventTypes,
  rateLimit: row.rateLimit,
  headers: row.headers,
  failureHandling: row.failureHandling,
  payloadMode: row.payloadMode,
  enabled: row.enabled,
});

/** The webhook, locked for the caller's transaction and scoped to the actor's org (another org's id is "not found"). */
export async function lockWebhook(tx: Tx, actor: Actor, id: string): Promise<WebhookRow> {
  const [row] = await tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, actor.orgId)))
    .for("update");
  if (!row) throw notFound("No such webhook.");
  return row;
}
