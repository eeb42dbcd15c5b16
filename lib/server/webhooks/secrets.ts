import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { SecretHeaderPlan } from "./secret-header-plan";

/** AAD binds each ciphertext to its webhook and field: a value copied to another row or field will not decrypt. */
export type WebhookSecretField = "auth" | "signing" | "signing_prev" | `header:${string}`;
const aad = (webhookId: string, field: WebhookSecretField) => `webhook:${webhookId}:${field}`;

export const sealWebhookSecret = (webhookId: string, field: WebhookSecretField, value: string) => encryptSecret(value, aad(webhookId, field));
export const openWebhookSecret = (webhookId: string, field: WebhookSecretField, box: string) => decryptSecret(box, aad(webhookId, field));

/** The `secret_headers` column after a change: new values sealed (field `header:<lower name>`), kept ones carried over. */
export function sealSecretHeaders(
  webhookId: string,
  plan: Pick<SecretHeaderPlan, "secretNames" | "fresh">,
  stored: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of plan.secretNames) {
    const values = plan.fresh[name];
    out[name] = values ? sealWebhookSecret(webhookId, `header:${name}`, JSON.stringify(values)) : stored[name];
  }
  return out;
}

/** The secret headers' values in clear (lower-cased name -> values), for sending only. */
export function openSecretHeaders(webhookId: string, sealed: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(sealed).map(([name, box]) => [name, JSON.parse(openWebhookSecret(webhookId, `header:${name}`, box)) as string[]]));
}

/** How versions and change requests name a replaced secret header value (shown as "changed"). */
export const secretHeaderChanges = (fresh: Record<string, string[]>) => Object.keys(fresh).map((name) => `header:${name}`);
