import "server-only";
import { MASK, type Webhook } from "@/lib/schemas/webhooks";
import type { CreatedSecrets } from "./create-webhook";
import { toWebhookView, type WebhookRow } from "./view";

/** The create response: the masked view with the generated credentials filled in, once. */
export function revealCreated({ row, secrets }: { row: WebhookRow; secrets: CreatedSecrets }): Webhook {
  const view = toWebhookView(row);
  const auth = view.auth.type === "api_key" ? { ...view.auth, key: secrets.apiKey ?? MASK } : view.auth;
  return { ...view, auth, signingSecret: secrets.signingSecret };
}
