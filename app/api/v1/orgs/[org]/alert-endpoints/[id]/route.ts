// GET, DELETE /api/v1/orgs/{org}/alert-endpoints/{id} — one operational endpoint (its deliveries: /webhooks/{id}/deliveries)
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { deleteAlertEndpoint, getAlertEndpoint } from "@/lib/server/alerts/alert-endpoints";

export const GET = orgRoute({ permission: "settings.read" }, async ({ actor, params }) => getAlertEndpoint({ actor, id: pathId(params.id, "alert endpoint") }));
export const DELETE = orgRoute({ permission: "settings.write" }, async ({ actor, params }) => {
  await deleteAlertEndpoint({ actor, id: pathId(params.id, "alert endpoint") });
});
