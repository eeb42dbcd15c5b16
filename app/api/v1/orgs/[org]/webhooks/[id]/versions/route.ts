// GET /api/v1/orgs/{org}/webhooks/{id}/versions — the configuration history, newest first (secret-free)
import { z } from "zod";
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { webhookVersionSchema } from "@/lib/schemas/webhooks";
import { listWebhookVersions } from "@/lib/server/webhooks/list-webhook-versions";

export const GET = orgRoute({ permission: "webhooks.read" }, async ({ actor, params }) => ({
  items: z.array(webhookVersionSchema).parse(await listWebhookVersions({ actor, id: pathId(params.id, "webhook") })),
}));
