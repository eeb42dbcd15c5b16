import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import { newId, randomToken } from "@/lib/crypto/tokens";
import type { UpdateWebhookInput } from "@/lib/schemas/webhooks";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../authz";
import { conflict } from "../errors";
import { configOf, lockWebhook } from "../webhooks/lock-webhook";
import { mergeWebhookPatch } from "../webhooks/merge-patch";
import { assertActiveCapacity, assertNameFree, assertValidConfig } from "../webhooks/validate-webhook";
import { configSnapshot, type WebhookRow } from "../webhooks/view";
import { sealProposedSecret, sealProposedSecretHeaders } from "./secrets";
import { secretHeaderChanges } from "../webhooks/secrets";
import type { ChangeRequestRow } from "./view";
import { announceSubmitted } from "../alerts/change-request-alerts";

type Insert = Omit<typeof changeRequests.$inferInsert, "orgId" | "requesterId" | "requesterLabel" | "requesterPersonId">;

const alreadyPending = () =>
  conflict("A change to this webhook is already awaiting approval. Wait for the decision or cancel that request first.", [
    { path: "version", message: "A change is already pending." },
  ]);

function isOnePendingViolation(err: unknown) {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e?.cause ?? e;
  return c?.code === "23505" && (c.constraint === undefined || c.constraint === "change_requests_one_pending_idx");
}

/** Stores a pending request of any target kind, attributed to the requester and the person behind them. */
export async function insertRequest(tx: Tx, actor: Actor, values: Insert): Promise<ChangeRequestRow> {
  if (values.webhookId) {
    const [pending] = await tx
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(and(eq(changeRequests.orgId, actor.orgId), eq(changeRequests.webhookId, values.webhookId), eq(changeRequests.status, "pending")));
    if (pending) throw alreadyPending();
  }
  let row: ChangeRequestRow;
  try {
    [row] = await tx
      .insert(changeRequests)
      .values({ ...values, orgId: actor.orgId, requesterId: actor.id, requesterLabel: actor.label, requesterPersonId: actor.personId })
      .returning();
  } catch (err) {
    if (isOnePendingViolation(err)) throw alreadyPending();
    throw err;
  }
  await recordAudit(
    {
      actor,
      orgId: actor.orgId,
      action: "change_request.submitted",
      target: { type: "change_request", id: row.id, label: row.webhookName },
      summary: {
        action: row.action,
        targetKind: row.targetKind,
        webhookId: row.webhookId,
        baseVersion: row.baseVersion,
        expiresAt: row.expiresAt.toISOString(),
      },
    },
    tx,
  );
  await announceSubmitted(tx, row);
  return row;
}

/** A creation awaiting approval: the caller stored a "pending" webhook that receives nothing; this files its request. */
export async function submitCreate({ actor, row, tx, expiresAt }: { actor: Actor; row: WebhookRow; tx: Tx; expiresAt: Date }): Promise<ChangeRequestRow> {
  return insertRequest(tx, actor, {
    action: "create",
    webhookId: row.id,
    webhookName: row.name,
    proposed: configSnapshot(row, ["auth", "signingSecret"]),
    baseVersion: row.version,
    expiresAt,
  });
}

/** An update awaiting approval: validated now, stored as the full proposed configuration; the live webhook is untouched. */
export async function submitUpdate({
  actor,
  id,
  patch,
  tx,
  expiresAt,
}: {
  actor: Actor;
  id: string;
  patch: UpdateWebhookInput;
  tx: Tx;
  expiresAt: Date;
}): Promise<{ row: WebhookRow; changeRequest?: ChangeRequestRow; generatedApiKey?: string }> {
  const row = await lockWebhook(tx, actor, id);
  if (patch.version !== undefined && patch.version !== row.version) {
    throw conflict(
      `This webhook changed since you opened it: you edited version ${patch.version}, it is now version ${row.version}. Reload to see the changes.`,
      [{ path: "version", message: "Stale version." }],
    );
  }
  const current = configOf(row);
  const { next, changed, authSecret, errors, secretHeaders } = mergeWebhookPatch(current, patch, Object.keys(row.secretHeaders));
  await assertValidConfig(tx, actor.orgId, next, { subscribed: current.eventTypes, errors });
  if (changed.length === 0) return { row };
  if (changed.includes("name")) await assertNameFree(tx, actor.orgId, next.name, id);
  if (next.enabled && !current.enabled) await assertActiveCapacity(tx, actor.orgId, id);

  const generatedApiKey = authSecret === null ? randomToken("whk", 24) : undefined;
  const newSecret = authSecret ?? generatedApiKey;
  const requestId = newId();
  const changeRequest = await insertRequest(tx, actor, {
    id: requestId,
    action: "update",
    webhookId: id,
    webhookName: row.name,
    // Only the names of the proposed secret headers go into the snapshot; their new values are sealed to the request.
    proposed: configSnapshot({ ...row, ...next, secretHeaders: Object.fromEntries(secretHeaders.secretNames.map((n) => [n, ""])) }, [
      ...(newSecret ? ["auth"] : []),
      ...secretHeaderChanges(secretHeaders.fresh),
    ]),
    proposedSecretsEnc: newSecret ? sealProposedSecret(requestId, newSecret) : null,
    proposedSecretHeadersEnc: Object.keys(secretHeaders.fresh).length ? sealProposedSecretHeaders(requestId, secretHeaders.fresh) : null,
    baseVersion: row.version,
    expiresAt,
  });
  return { row, changeRequest, ...(generatedApiKey ? { generatedApiKey } : {}) };
}

/** A deletion awaiting approval: the webhook keeps working until an approver accepts. */
export async function submitDelete({ actor, id, tx, expiresAt }: { actor: Actor; id: string; tx: Tx; expiresAt: Date }): Promise<ChangeRequestRow> {
  const row = await lockWebhook(tx, actor, id);
  return insertRequest(tx, actor, {
    action: "delete",
    webhookId: id,
    webhookName: row.name,
    proposed: configSnapshot(row),
    baseVersion: row.version,
    expiresAt,
  });
}
