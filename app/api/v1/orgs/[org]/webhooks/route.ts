// GET, POST /api/v1/orgs/{org}/webhooks — list (filters, newest first); create (generated credentials in this response only; 202 when it needs approval)
import { orgRoute } from "@/lib/http/route";
import { createWebhookSchema, webhookListQuerySchema, webhookPageSchema, createdWebhookSchema } from "@/lib/schemas/webhooks";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { revealCreated } from "@/lib/server/webhooks/reveal";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import { toChangeRequestView } from "@/lib/server/approvals/view";

export const GET = orgRoute({ permission: "webhooks.read", query: webhookListQuerySchema }, async ({ actor, query }) =>
  webhookPageSchema.parse(await listWebhooks({ actor, query })),
);

export const POST = orgRoute({ permission: "webhooks.write", body: createWebhookSchema }, async ({ actor, body }) => {
  const result = await createWebhook({ actor, input: body });
  if (result.changeRequest) {
    const submitted = { changeRequest: toChangeRequestView(result.changeRequest), webhook: revealCreated(result) };
    return Response.json(changeSubmittedSchema.parse(submitted), { status: 202, headers: { "cache-control": "no-store" } });
  }
  return Response.json(createdWebhookSchema.parse(revealCreated(result)), { status: 201, headers: { "cache-control": "no-store" } });
});
