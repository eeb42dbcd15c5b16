import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { lockWebhook } from "./lock-webhook";
import { approvalGate } from "../approvals/approval-gate";
import { submitDelete } from "../approvals/submit-change";
import type { ChangeRequestRow } from "../approvals/view";

export async function deleteWebhook({ actor, id }: { actor: Actor; id: string }): Promise<{ changeRequest?: ChangeRequestRow }> {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Approvals: when the org requires approval for "delete", this becomes a change request (see lib/server/approvals).
    const gate = await approvalGate({ tx, actor, action: "delete", webhookId: id });
    if (gate.submit) return { changeRequest: await submitDelete({ actor, id, tx, expiresAt: gate.expiresAt }) };
    await applyDeleteWebhook({ actor, id, tx });
    return {};
  });
}

/** Deletes inside the caller's transaction (deliveries and versions go with it); audited. */
export async function applyDeleteWebhook({ actor, id, tx, expectedVersion }: { actor: Actor; id: string; tx: Tx; expectedVersion?: number }) {
  const row = await lockWebhook(tx, actor, id);
  if (expectedVersion !== undefined && expectedVersion !== row.version)
    throw conflict(`This webhook is now at version ${row.version}.`, [{ path: "version", message: "Stale version." }]);
  await tx.delete(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.orgId, actor.orgId)));
  await recordAudit(
    { actor, orgId: actor.orgId, action: "webhook.deleted", target: { type: "webhook", id, label: row.name }, summary: { url: row.url, version: row.version } },
    tx,
  );
}
