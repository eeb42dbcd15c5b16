// PATCH /api/v1/orgs/{org}/members/{userId} — change a member's roles
import { orgRoute } from "@/lib/http/route";
import { updateMemberSchema } from "@/lib/schemas/members";
import { updateMemberRoles } from "@/lib/server/members/update-member-roles";
import { idParam } from "@/lib/schemas/common";
import { AppError } from "@/lib/server/errors";

export const PATCH = orgRoute({ permission: "members.manage", body: updateMemberSchema }, async ({ actor, params, body }) => {
  if (!idParam.safeParse(params.userId).success) throw new AppError("not_found", "No such member.");
  return updateMemberRoles({ actor, userId: params.userId, input: body });
});
