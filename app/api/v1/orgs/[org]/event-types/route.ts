// GET, POST /api/v1/orgs/{org}/event-types — the catalog (deprecated ones flagged); add a type
import { orgRoute } from "@/lib/http/route";
import { createEventTypeSchema, eventTypeSchema } from "@/lib/schemas/event-types";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { createEventType } from "@/lib/server/event-types/create-event-type";

export const GET = orgRoute({ permission: "event-types.read" }, async ({ actor }) => ({
  items: (await listEventTypes({ actor })).map((t) => eventTypeSchema.parse(t)),
}));

export const POST = orgRoute({ permission: "event-types.write", body: createEventTypeSchema, status: 201 }, async ({ actor, body }) =>
  eventTypeSchema.parse(await createEventType({ actor, input: body })),
);
