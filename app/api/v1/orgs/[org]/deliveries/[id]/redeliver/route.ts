// POST /api/v1/orgs/{org}/deliveries/{id}/redeliver — send again (same webhook-id, fresh retry budget)
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { redeliverDelivery } from "@/lib/server/deliveries/redeliver";

export const POST = orgRoute({ permission: "deliveries.redeliver-test", status: 202 }, async ({ actor, params }) =>
  redeliverDelivery({ actor, id: pathId(params.id, "delivery") }),
);
