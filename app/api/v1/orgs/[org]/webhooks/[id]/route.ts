// GET, PATCH, DELETE /api/v1/orgs/{org}/webhooks/{id} — read (credentials masked), update (add/remove semantics, version check), delete; 202 when approval is needed
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { MASK, updateWebhookSchema, webhookSchema } from "@/lib/schemas/webhooks";
import { getWebhook } from "@/lib/server/webhooks/get-webhook";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { toWebhookView } from "@/lib/server/webhooks/view";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import { toChangeRequestView } from "@/lib/server/approvals/view";

export const GET = orgRoute({ permission: "webhooks.read" }, async ({ actor, params }) =>
  webhookSchema.parse(await getWebhook({ actor, id: pathId(params.id, "webhook") })),
);

export const PATCH = orgRoute({ permission: "webhooks.write", body: updateWebhookSchema }, async ({ actor, params, body }) => {
  const { row, generatedApiKey, changeRequest } = await updateWebhook({ actor, id: pathId(params.id, "webhook"), patch: body });
  if (changeRequest) {
    const submitted = { changeRequest: toChangeRequestView(changeRequest), ...(generatedApiKey ? { generatedApiKey } : {}) };
    return Response.json(changeSubmittedSchema.parse(submitted), { status: 202, headers: { "cache-control": "no-store" } });
  }
  const view = toWebhookView(row);
  // A key the server generated while switching to API-key auth is shown in this response, once.
  if (generatedApiKey && view.auth.type === "api_key") view.auth = { ...view.auth, key: generatedApiKey };
  return webhookSchema.parse({ ...view, signingSecret: MASK });
});

export const DELETE = orgRoute({ permission: "webhooks.write" }, async ({ actor, params }) => {
  const { changeRequest } = await deleteWebhook({ actor, id: pathId(params.id, "webhook") });
  if (changeRequest) return Response.json(changeSubmittedSchema.parse({ changeRequest: toChangeRequestView(changeRequest) }), { status: 202 });
});
