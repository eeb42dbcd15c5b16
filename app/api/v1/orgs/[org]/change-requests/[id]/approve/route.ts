// POST /api/v1/orgs/{org}/change-requests/{id}/approve — approve and apply (409 when decided, expired or stale)
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { changeRequestSchema } from "@/lib/schemas/approvals";
import { approveChangeRequest } from "@/lib/server/approvals/approve-change-request";
import { toChangeRequestView } from "@/lib/server/approvals/view";

export const POST = orgRoute({ permission: "changes.review" }, async ({ actor, params }) =>
  changeRequestSchema.parse(toChangeRequestView(await approveChangeRequest({ actor, id: pathId(params.id, "change request") }))),
);
