// POST /api/v1/orgs/{org}/diverted-events/redeliver { ids? , webhookId? } — requeue selected, or all of a webhook's
import { orgRoute } from "@/lib/http/route";
import { redeliverDivertedSchema } from "@/lib/schemas/delivery";
import { redeliverDiverted } from "@/lib/server/deliveries/redeliver";

export const POST = orgRoute({ permission: "diverted.manage", body: redeliverDivertedSchema, status: 202 }, async ({ actor, body }) =>
  redeliverDiverted({ actor, ids: body.ids, webhookId: body.webhookId }),
);
