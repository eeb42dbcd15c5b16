// GET /api/v1/orgs/{org}/events/{id}/deliveries — the event's deliveries, one per webhook it went to
import { orgRoute } from "@/lib/http/route";
import { eventDeliveriesQuerySchema, deliveryPageSchema } from "@/lib/schemas/delivery";
import { listEventDeliveries } from "@/lib/server/events/list-event-deliveries";

export const GET = orgRoute({ permission: "deliveries.read", query: eventDeliveriesQuerySchema }, async ({ actor, params, query }) =>
  deliveryPageSchema.parse(await listEventDeliveries({ actor, id: params.id, query })),
);
