// POST /api/v1/orgs/{org}/webhooks/{id}/pause — new events queue (not diverted) until resumed
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { webhookSchema } from "@/lib/schemas/webhooks";
import { setWebhookPaused } from "@/lib/server/webhooks/pause-webhook";
import { toWebhookView } from "@/lib/server/webhooks/view";

export const POST = orgRoute({ permission: "webhooks.write" }, async ({ actor, params }) =>
  webhookSchema.parse(toWebhookView(await setWebhookPaused({ actor, id: pathId(params.id, "webhook"), paused: true }))),
);
