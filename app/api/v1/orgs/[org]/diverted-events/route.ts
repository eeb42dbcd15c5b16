// GET /api/v1/orgs/{org}/diverted-events?webhookId — deliveries that exhausted their retries or arrived while suspended
import { orgRoute } from "@/lib/http/route";
import { deliveryListQuerySchema, deliveryPageSchema } from "@/lib/schemas/delivery";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";

export const GET = orgRoute({ permission: "deliveries.read", query: deliveryListQuerySchema.omit({ status: true }) }, async ({ actor, query }) =>
  deliveryPageSchema.parse(await listDeliveries({ actor, query: { ...query, status: "diverted" } })),
);
