// POST /api/v1/orgs/{org}/webhooks/{id}/test — send a test event (is_test: true) to this webhook only → 202 { delivery }
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { sendTestSchema } from "@/lib/schemas/delivery";
import { sendTestEvent } from "@/lib/server/events/send-test-event";

export const POST = orgRoute({ permission: "webhooks.test", body: sendTestSchema, status: 202 }, async ({ actor, params, body }) => {
  const { eventId, deliveryId } = await sendTestEvent({ actor, webhookId: pathId(params.id, "webhook"), eventType: body.eventType });
  return { delivery: { id: deliveryId, eventId } };
});
