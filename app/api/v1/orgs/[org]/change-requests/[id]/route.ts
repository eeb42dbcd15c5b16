// GET /api/v1/orgs/{org}/change-requests/{id} — one request, the live configuration and the field-by-field diff
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { changeRequestDetailSchema } from "@/lib/schemas/approvals";
import { getChangeRequest } from "@/lib/server/approvals/get-change-request";

export const GET = orgRoute({ permission: "changes.read" }, async ({ actor, params }) =>
  changeRequestDetailSchema.parse(await getChangeRequest({ actor, id: pathId(params.id, "change request") })),
);
