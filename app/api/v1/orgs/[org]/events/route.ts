// POST, GET /api/v1/orgs/{org}/events — publish an event (202; an id makes it idempotent); list events with delivery counts
import { orgRoute } from "@/lib/http/route";
import { eventListQuerySchema, eventPageSchema, publishedEventSchema, publishEventSchema } from "@/lib/schemas/delivery";
import { publishEvent } from "@/lib/server/events/publish-event";
import { listEvents } from "@/lib/server/events/list-events";

export const POST = orgRoute({ permission: "events.publish", body: publishEventSchema, status: 202, keyCheckedByWrite: true }, async ({ actor, body }) =>
  publishedEventSchema.parse(await publishEvent({ actor, input: body })),
);

export const GET = orgRoute({ permission: "events.read", query: eventListQuerySchema }, async ({ actor, query }) =>
  eventPageSchema.parse(await listEvents({ actor, query })),
);
