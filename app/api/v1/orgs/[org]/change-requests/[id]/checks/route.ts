// POST /api/v1/orgs/{org}/change-requests/{id}/checks — run the pre-approval checks now; results are attached to the request
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { changeRequestSchema } from "@/lib/schemas/approvals";
import { runChecks } from "@/lib/server/approvals/run-checks";
import { toChangeRequestView } from "@/lib/server/approvals/view";

// The service admits reviewers and admins; the route asks for what both have.
export const POST = orgRoute({ permission: "changes.read" }, async ({ actor, params }) =>
  changeRequestSchema.parse(toChangeRequestView(await runChecks({ actor, id: pathId(params.id, "change request") }))),
);
