// POST /api/v1/orgs/{org}/webhooks/{id}/unsuspend — resume deliveries, optionally redelivering what was diverted meanwhile
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { unsuspendSchema } from "@/lib/schemas/delivery";
import { webhookSchema } from "@/lib/schemas/webhooks";
import { unsuspendWebhook } from "@/lib/server/webhooks/unsuspend-webhook";
import { toWebhookView } from "@/lib/server/webhooks/view";

export const POST = orgRoute({ permission: "webhooks.write", body: unsuspendSchema }, async ({ actor, params, body }) => {
  const { row, redelivered } = await unsuspendWebhook({ actor, id: pathId(params.id, "webhook"), redeliverDiverted: body.redeliverDiverted });
  return { webhook: webhookSchema.parse(toWebhookView(row)), redelivered };
});
