import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import { MASK, type UpdateWebhookInput, type Webhook } from "@/lib/schemas/webhooks";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../authz";
import { applyUpdateWebhook } from "../webhooks/update-webhook";
import { applyDeleteWebhook } from "../webhooks/delete-webhook";
import { assertActiveCapacity } from "../webhooks/validate-webhook";
import type { WebhookRow } from "../webhooks/view";
import { openProposedSecret, openProposedSecretHeaders } from "./secrets";
import type { ChangeRequestRow } from "./view";

export type Applied = { applied: true; webhookVersion: number | null } | { applied: false; stale: { base: number | null; now: number | null } };

type Snapshot = Pick<Webhook, "name" | "url" | "auth" | "eventTypes" | "rateLimit" | "headers" | "failureHandling" | "payload" | "enabled"> & {
  secretHeaders?: string[];
};

/** The stored proposal back as a full PATCH; the credential, if the request carries one, is decrypted here only. */
export function patchFromProposal(
  proposed: Record<string, unknown>,
  secret: string | undefined,
  secretHeaderValues: Record<string, string[]> = {},
): UpdateWebhookInput {
  const p = proposed as Snapshot;
  // Secret headers read "*****" in the snapshot (keep the stored value) unless the request sealed a new value.
  const headers = Object.fromEntries(Object.entries(p.headers).map(([name, values]) => [name, secretHeaderValues[name.toLowerCase()] ?? values]));
  const auth: UpdateWebhookInput["auth"] =
    p.auth.type === "api_key"
      ? { type: "api_key", header: p.auth.header, key: secret ?? MASK }
      : {
          type: "oauth2",
          tokenUrl: p.auth.tokenUrl,
          clientId: p.auth.clientId,
          clientSecret: secret ?? MASK,
          ...(p.auth.scope ? { scope: p.auth.scope } : {}),
          ...(p.auth.audience ? { audience: p.auth.audience } : {}),
        };
  return {
    name: p.name,
    url: p.url,
    auth,
    eventTypes: p.eventTypes,
    rateLimit: p.rateLimit,
    headers,
    secretHeaders: p.secretHeaders ?? [],
    failureHandling: p.failureHandling,
    payload: p.payload,
    enabled: p.enabled,
  };
}

async function lockLive(tx: Tx, request: ChangeRequestRow): Promise<WebhookRow | undefined> {
  if (!request.webhookId) return undefined;
  const [row] = await tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, request.webhookId), eq(webhooks.orgId, request.orgId)))
    .for("update");
  return row;
}

/**
 * Applies an approved request inside the decision's transaction, only if the webhook is still at the version the
 * request was made against; otherwise nothing changes and the caller marks the request stale.
 * Changes are recorded as the requester's, approved by the reviewer.
 */
export async function applyChange(tx: Tx, reviewer: Actor, request: ChangeRequestRow): Promise<Applied> {
  const live = await lockLive(tx, request);
  const stale = !live || live.version !== request.baseVersion || (request.action === "create" && live.status !== "pending");
  if (stale) return { applied: false, stale: { base: request.baseVersion, now: live?.version ?? null } };
  const maker: Actor = { ...reviewer, label: `${request.requesterLabel}, approved by ${reviewer.label}` };

  if (request.action === "create") {
    if (live.enabled) await assertActiveCapacity(tx, request.orgId, live.id);
    const status = live.enabled ? "active" : "disabled";
    const [activated] = await tx
      .update(webhooks)
      .set({ status, statusReason: null, updatedAt: new Date() })
      .where(and(eq(webhooks.id, live.id), eq(webhooks.version, live.version), eq(webhooks.status, "pending")))
      .returning({ version: webhooks.version });
    if (!activated) return { applied: false, stale: { base: request.baseVersion, now: null } };
    await recordAudit(
      {
        actor: maker,
        orgId: request.orgId,
        action: "webhook.activated",
        target: { type: "webhook", id: live.id, label: live.name },
        summary: { status, changeRequestId: request.id },
      },
      tx,
    );
    return { applied: true, webhookVersion: activated.version };
  }
  if (request.action === "update") {
    const secret = request.proposedSecretsEnc ? openProposedSecret(request.id, request.proposedSecretsEnc) : undefined;
    const { row } = await applyUpdateWebhook({
      actor: maker,
      id: live.id,
      patch: patchFromProposal(
        request.proposed,
        secret,
        request.proposedSecretHeadersEnc ? openProposedSecretHeaders(request.id, request.proposedSecretHeadersEnc) : {},
      ),
      expectedVersion: request.baseVersion ?? undefined,
      tx,
    });
    return { applied: true, webhookVersion: row.version };
  }
  await applyDeleteWebhook({ actor: maker, id: live.id, tx, expectedVersion: request.baseVersion ?? undefined });
  return { applied: true, webhookVersion: null };
}
