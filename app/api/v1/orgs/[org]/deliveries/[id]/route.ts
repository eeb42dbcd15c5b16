// GET /api/v1/orgs/{org}/deliveries/{id} — one delivery with its attempts
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { deliveryWithAttemptsSchema } from "@/lib/schemas/delivery";
import { getDelivery } from "@/lib/server/deliveries/get-delivery";

export const GET = orgRoute({ permission: "deliveries.read" }, async ({ actor, params }) =>
  deliveryWithAttemptsSchema.parse(await getDelivery({ actor, id: pathId(params.id, "delivery") })),
);
