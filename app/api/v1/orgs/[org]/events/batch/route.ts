// POST /api/v1/orgs/{org}/events/batch — publish up to 500 events at once; one result per event
import { orgRoute } from "@/lib/http/route";
import { publishBatchEnvelopeSchema, publishBatchResultSchema } from "@/lib/schemas/delivery";
import { publishEvents } from "@/lib/server/events/publish-events";

export const POST = orgRoute(
  { permission: "events.publish", body: publishBatchEnvelopeSchema, status: 200, keyCheckedByWrite: true },
  async ({ actor, body }) => publishBatchResultSchema.parse(await publishEvents({ actor, items: body.events })),
);
