// POST /api/v1/orgs/{org}/change-requests/{id}/cancel — the requester withdraws their pending request
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { changeRequestSchema } from "@/lib/schemas/approvals";
import { cancelChangeRequest } from "@/lib/server/approvals/cancel-change-request";
import { toChangeRequestView } from "@/lib/server/approvals/view";

export const POST = orgRoute({ permission: "webhooks.write" }, async ({ actor, params }) =>
  changeRequestSchema.parse(toChangeRequestView(await cancelChangeRequest({ actor, id: pathId(params.id, "change request") }))),
);
