// POST /api/v1/orgs/{org}/change-requests/{id}/reject — reject with a reason the requester sees
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { changeRequestSchema, rejectChangeSchema } from "@/lib/schemas/approvals";
import { rejectChangeRequest } from "@/lib/server/approvals/reject-change-request";
import { toChangeRequestView } from "@/lib/server/approvals/view";

export const POST = orgRoute({ permission: "changes.review", body: rejectChangeSchema }, async ({ actor, params, body }) =>
  changeRequestSchema.parse(toChangeRequestView(await rejectChangeRequest({ actor, id: pathId(params.id, "change request"), reason: body.reason }))),
);
