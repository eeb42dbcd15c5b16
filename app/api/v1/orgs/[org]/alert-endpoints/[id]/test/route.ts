// POST /api/v1/orgs/{org}/alert-endpoints/{id}/test — Send Test Event: an example webhook.suspended (is_test)
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { sendAlertTest } from "@/lib/server/alerts/alert-endpoints";

export const POST = orgRoute({ permission: "settings.write", status: 202 }, async ({ actor, params }) =>
  sendAlertTest({ actor, id: pathId(params.id, "alert endpoint") }),
);
