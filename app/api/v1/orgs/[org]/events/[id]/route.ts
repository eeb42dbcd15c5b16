// GET /api/v1/orgs/{org}/events/{id} — the full event (Get Event for thin payloads)
import { orgRoute } from "@/lib/http/route";
import { eventSchema } from "@/lib/schemas/delivery";
import { getEvent } from "@/lib/server/events/list-events";

export const GET = orgRoute({ permission: "events.read" }, async ({ actor, params }) => eventSchema.parse(await getEvent({ actor, id: params.id })));
