// GET, POST /api/v1/orgs/{org}/alert-endpoints — operational webhooks that receive the console's own alerts (signing secret shown once)
import { orgRoute } from "@/lib/http/route";
import { alertEndpointSchema } from "@/lib/schemas/alerts";
import { createAlertEndpoint, listAlertEndpoints } from "@/lib/server/alerts/alert-endpoints";

export const GET = orgRoute({ permission: "settings.read" }, async ({ actor }) => ({ items: await listAlertEndpoints({ actor }) }));
export const POST = orgRoute({ permission: "settings.write", body: alertEndpointSchema, status: 201 }, async ({ actor, body }) =>
  createAlertEndpoint({ actor, input: body }),
);
