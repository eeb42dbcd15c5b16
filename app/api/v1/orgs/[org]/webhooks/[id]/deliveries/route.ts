// GET /api/v1/orgs/{org}/webhooks/{id}/deliveries?status&eventType&cursor — this webhook's delivery log, newest first
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { deliveryListQuerySchema, deliveryPageSchema } from "@/lib/schemas/delivery";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";
import { getWebhook } from "@/lib/server/webhooks/get-webhook";

export const GET = orgRoute({ permission: "deliveries.read", query: deliveryListQuerySchema }, async ({ actor, params, query }) => {
  const webhookId = pathId(params.id, "webhook");
  await getWebhook({ actor, id: webhookId }); // 404 for another org's webhook
  return deliveryPageSchema.parse(await listDeliveries({ actor, query: { ...query, webhookId } }));
});
