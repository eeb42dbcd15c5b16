import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import { webhooks, type AuthConfig } from "@/lib/db/schema";
import { newId, randomToken } from "@/lib/crypto/tokens";
import { generateSigningSecret } from "@/lib/delivery/sign";
import { MASK, type CreateWebhookInput } from "@/lib/schemas/webhooks";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { sealSecretHeaders, sealWebhookSecret, secretHeaderChanges } from "./secrets";
import { planSecretHeaders } from "./secret-header-plan";
import { recordVersion } from "./record-version";
import { assertActiveCapacity, assertNameFree, assertValidConfig, isNameConflict } from "./validate-webhook";
import type { WebhookConfig } from "./merge-patch";
import type { WebhookRow } from "./view";
import { approvalGate } from "../approvals/approval-gate";
import { submitCreate } from "../approvals/submit-change";
import type { ChangeRequestRow } from "../approvals/view";

/** Credentials the server generated (or was given for signing), returned to the creator once. */
export type CreatedSecrets = { apiKey?: string; signingSecret: string };
export type CreateResult = { row: WebhookRow; secrets: CreatedSecrets };

export async function createWebhook({
  actor,
  input,
}: {
  actor: Actor;
  input: CreateWebhookInput;
}): Promise<CreateResult & { changeRequest?: ChangeRequestRow }> {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Approvals: when the org requires approval for "create", this becomes a change request (see lib/server/approvals).
    const gate = await approvalGate({ tx, actor, action: "create" });
    if (gate.submit) {
      // Its generated credentials go to the requester once, as for a direct creation.
      const created = await applyCreateWebhook({ actor, input, tx, status: "pending" });
      return { ...created, changeRequest: await submitCreate({ actor, row: created.row, tx, expiresAt: gate.expiresAt }) };
    }
    return applyCreateWebhook({ actor, input, tx });
  });
}

export function configFromCreate(input: CreateWebhookInput): WebhookConfig {
  const auth: AuthConfig =
    input.auth.type === "api_key"
      ? { type: "api_key", header: input.auth.header }
      : {
          type: "oauth2",
          tokenUrl: input.auth.tokenUrl,
          clientId: input.auth.clientId,
          ...(input.auth.scope ? { scope: input.auth.scope } : {}),
          ...(input.auth.audience ? { audience: input.auth.audience } : {}),
        };
  return {
    name: input.name,
    url: input.url,
    auth,
    eventTypes: [...new Set(input.eventTypes)],
    rateLimit: input.rateLimit,
    headers: input.headers,
    failureHandling: input.failureHandling,
    payloadMode: input.payload,
    enabled: input.enabled,
  };
}

/** Validates and inserts inside the caller's transaction. `status: "pending"` stores a creation awaiting approval. */
export async function applyCreateWebhook({
  actor,
  input,
  tx,
  status,
}: {
  actor: Actor;
  input: CreateWebhookInput;
  tx: Tx;
  status?: "pending";
}): Promise<CreateResult> {
  const plain = configFromCreate(input);
  const secretHeaders = planSecretHeaders({ headers: plain.headers, requested: input.secretHeaders, wasSecret: [], urlAfter: plain.url });
  const config = { ...plain, headers: secretHeaders.headers };
  const masked = (input.auth.type === "api_key" ? input.auth.key : input.auth.clientSecret) === MASK;
  const maskErrors = masked
    ? [
        {
          path: input.auth.type === "api_key" ? "auth.key" : "auth.clientSecret",
          message: "***** means “unchanged”, which a new webhook has nothing to keep: enter a value.",
        },
      ]
    : [];
  await assertValidConfig(tx, actor.orgId, config, { errors: [...maskErrors, ...secretHeaders.errors] });
  await assertNameFree(tx, actor.orgId, config.name);
  if (config.enabled && status !== "pending") await assertActiveCapacity(tx, actor.orgId);

  const id = newId();
  const generatedKey = input.auth.type === "api_key" && !input.auth.key ? randomToken("whk", 24) : undefined;
  const authSecret = input.auth.type === "api_key" ? (input.auth.key ?? generatedKey!) : input.auth.clientSecret;
  const signingSecret = input.signingSecret ?? generateSigningSecret();
  let row: WebhookRow;
  try {
    [row] = await tx
      .insert(webhooks)
      .values({
        id,
        orgId: actor.orgId,
        ...config,
        authSecretEnc: sealWebhookSecret(id, "auth", authSecret),
        signingSecretEnc: sealWebhookSecret(id, "signing", signingSecret),
        secretHeaders: sealSecretHeaders(id, secretHeaders),
        status: status ?? (config.enabled ? "active" : "disabled"),
        createdBy: actor.label,
      })
      .returning();
  } catch (err) {
    if (isNameConflict(err)) throw conflict("A webhook with this name already exists.", [{ path: "name", message: "This name is taken." }]);
    throw err;
  }
  await recordVersion(tx, actor, row, Object.keys(config), ["auth", "signingSecret", ...secretHeaderChanges(secretHeaders.fresh)]);
  await recordAudit(
    {
      actor,
      orgId: actor.orgId,
      action: "webhook.created",
      target: { type: "webhook", id, label: row.name },
      summary: { url: row.url, authType: row.auth.type, eventTypes: row.eventTypes, rateLimit: row.rateLimit, enabled: row.enabled, status: row.status },
    },
    tx,
  );
  return { row, secrets: { ...(generatedKey ? { apiKey: generatedKey } : {}), signingSecret } };
}
