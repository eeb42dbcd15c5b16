// PATCH /api/v1/orgs/{org}/event-types/{id} — change the description or deprecate
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { eventTypeSchema, updateEventTypeSchema } from "@/lib/schemas/event-types";
import { updateEventType } from "@/lib/server/event-types/update-event-type";

export const PATCH = orgRoute({ permission: "event-types.write", body: updateEventTypeSchema }, async ({ actor, params, body }) =>
  eventTypeSchema.parse(await updateEventType({ actor, id: pathId(params.id, "event type"), input: body })),
);
