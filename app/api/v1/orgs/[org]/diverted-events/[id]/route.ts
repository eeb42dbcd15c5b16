// DELETE /api/v1/orgs/{org}/diverted-events/{id} — discard a diverted delivery
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { deleteDiverted } from "@/lib/server/deliveries/redeliver";

export const DELETE = orgRoute({ permission: "diverted.manage" }, async ({ actor, params }) => {
  await deleteDiverted({ actor, id: pathId(params.id, "delivery") });
});
