// POST /api/v1/orgs/{org}/webhooks/{id}/recover { from, to, eventTypes? } — redeliver failed and diverted deliveries in a time range, as a job (202)
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { recoverRangeSchema } from "@/lib/schemas/recovery";
import { recoverRange } from "@/lib/server/recovery/start-recovery";

export const POST = orgRoute({ permission: "diverted.manage", body: recoverRangeSchema, status: 202 }, async ({ actor, params, body }) =>
  recoverRange({ actor, webhookId: pathId(params.id, "webhook"), input: body }),
);
