import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import { randomToken } from "@/lib/crypto/tokens";
import type { UpdateWebhookInput } from "@/lib/schemas/webhooks";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { sealSecretHeaders, sealWebhookSecret, secretHeaderChanges } from "./secrets";
import { recordVersion } from "./record-version";
import { mergeWebhookPatch } from "./merge-patch";
import { configOf, lockWebhook } from "./lock-webhook";
import { assertActiveCapacity, assertNameFree, assertValidConfig, isNameConflict } from "./validate-webhook";
import type { WebhookRow } from "./view";
import { approvalGate } from "../approvals/approval-gate";
import { submitUpdate } from "../approvals/submit-change";
import type { ChangeRequestRow } from "../approvals/view";

export type UpdateResult = { row: WebhookRow; generatedApiKey?: string };

export async function updateWebhook({
  actor,
  id,
  patch,
}: {
  actor: Actor;
  id: string;
  patch: UpdateWebhookInput;
}): Promise<UpdateResult & { changeRequest?: ChangeRequestRow }> {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Approvals: when the org requires approval for "update", this becomes a change request (see lib/server/approvals).
    const gate = await approvalGate({ tx, actor, action: "update", webhookId: id });
    if (gate.submit) return submitUpdate({ actor, id, patch, tx, expiresAt: gate.expiresAt });
    return applyUpdateWebhook({ actor, id, patch, expectedVersion: patch.version, tx });
  });
}

/** Applies a patch inside the caller's transaction; a stale `expectedVersion` is a 409 and changes nothing. */
export async function applyUpdateWebhook({
  actor,
  id,
  patch,
  expectedVersion,
  tx,
}: {
  actor: Actor;
  id: string;
  patch: UpdateWebhookInput;
  expectedVersion?: number;
  tx: Tx;
}): Promise<UpdateResult> {
  const row = await lockWebhook(tx, actor, id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw conflict(
      `This webhook changed since you opened it: you edited version ${expectedVersion}, it is now version ${row.version}. Reload to see the changes.`,
      [{ path: "version", message: "Stale version." }],
    );
  }
  const current = configOf(row);
  const { next, changed, authSecret, errors, secretHeaders } = mergeWebhookPatch(current, patch, Object.keys(row.secretHeaders));
  await assertValidConfig(tx, actor.orgId, next, { subscribed: current.eventTypes, errors });
  if (changed.length === 0) return { row };
  if (changed.includes("name")) await assertNameFree(tx, actor.orgId, next.name, id);
  const enabling = next.enabled && !current.enabled && row.status !== "pending";
  if (enabling) await assertActiveCapacity(tx, actor.orgId, id);

  const generatedApiKey = authSecret === null ? randomToken("whk", 24) : undefined;
  const newSecret = authSecret ?? generatedApiKey;
  const status = row.status === "pending" ? "pending" : !next.enabled ? "disabled" : row.status === "disabled" ? "active" : row.status;
  let updated: WebhookRow;
  try {
    [updated] = await tx
      .update(webhooks)
      .set({
        ...next,
        ...(newSecret ? { authSecretEnc: sealWebhookSecret(id, "auth", newSecret) } : {}),
        secretHeaders: sealSecretHeaders(id, secretHeaders, row.secretHeaders),
        status,
        statusReason: status === row.status ? row.statusReason : null,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(webhooks.id, id), eq(webhooks.version, row.version)))
      .returning();
  } catch (err) {
    if (isNameConflict(err)) throw conflict("A webhook with this name already exists.", [{ path: "name", message: "This name is taken." }]);
    throw err;
  }
  if (!updated) throw conflict("This webhook changed at the same time. Reload and try again.", [{ path: "version", message: "Stale version." }]);
  const secretsChanged = [...(newSecret ? ["auth"] : []), ...secretHeaderChanges(secretHeaders.fresh)];
  await recordVersion(tx, actor, updated, changed, secretsChanged);
  await recordAudit(
    {
      actor,
      orgId: actor.orgId,
      action: "webhook.updated",
      target: { type: "webhook", id, label: updated.name },
      summary: { version: updated.version, changed, ...(secretsChanged.length ? { credentials: "changed" } : {}) },
    },
    tx,
  );
  return { row: updated, ...(generatedApiKey ? { generatedApiKey } : {}) };
}
