// GET /api/v1/orgs/{org}/change-requests?status&reviewable — change requests, newest first
import { orgRoute } from "@/lib/http/route";
import { changeRequestListQuerySchema, changeRequestPageSchema } from "@/lib/schemas/approvals";
import { listChangeRequests } from "@/lib/server/approvals/list-change-requests";

export const GET = orgRoute({ permission: "changes.read", query: changeRequestListQuerySchema }, async ({ actor, query }) =>
  changeRequestPageSchema.parse(await listChangeRequests({ actor, query })),
);
