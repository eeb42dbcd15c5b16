import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

/** AAD binds each ciphertext to its webhook and field: a value copied to another row or field will not decrypt. */
export type WebhookSecretField = "auth" | "signing" | "signing_prev";
const aad = (webhookId: string, field: WebhookSecretField) => `webhook:${webhookId}:${field}`;

export const sealWebhookSecret = (webhookId: string, field: WebhookSecretField, value: string) => encryptSecret(value, aad(webhookId, field));
export const openWebhookSecret = (webhookId: string, field: WebhookSecretField, box: string) => decryptSecret(box, aad(webhookId, field));
