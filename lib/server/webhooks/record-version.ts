import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { webhookVersions } from "@/lib/db/schema";
import type { Actor } from "../authz";
import { configSnapshot, type WebhookRow } from "./view";

/** Every applied change is an immutable version (Pax8: configurations are immutable). */
export async function recordVersion(tx: DbOrTx, actor: Pick<Actor, "id" | "label">, row: WebhookRow, changedFields: string[], secretsChanged: string[] = []) {
  await tx.insert(webhookVersions).values({
    orgId: row.orgId,
    webhookId: row.id,
    version: row.version,
    config: configSnapshot(row, secretsChanged),
    changedFields,
    actorId: actor.id,
    actorLabel: actor.label,
  });
}
