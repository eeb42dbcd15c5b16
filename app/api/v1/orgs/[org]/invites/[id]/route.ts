// DELETE /api/v1/orgs/{org}/invites/{id} — revoke an open invitation; its link stops working at once
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { revokeInvite } from "@/lib/server/members/revoke-invite";

export const DELETE = orgRoute({ permission: "members.manage" }, async ({ actor, params }) => {
  await revokeInvite({ actor, id: pathId(params.id, "invitation") });
});
