// PATCH /api/v1/orgs/{org}/members/{userId} — change a member's roles
// (while approvals are on, granting the approver role answers 202 with a change request another approver decides)
import { orgRoute } from "@/lib/http/route";
import { memberSchema, updateMemberSchema } from "@/lib/schemas/members";
import { updateMemberRoles } from "@/lib/server/members/update-member-roles";
import { idParam } from "@/lib/schemas/common";
import { AppError } from "@/lib/server/errors";
import { submittedResponse } from "@/lib/http/submitted";

export const PATCH = orgRoute({ permission: "members.manage", body: updateMemberSchema }, async ({ actor, params, body }) => {
  if (!idParam.safeParse(params.userId).success) throw new AppError("not_found", "No such member.");
  const result = await updateMemberRoles({ actor, userId: params.userId, input: body });
  return "changeRequest" in result ? submittedResponse(result.changeRequest) : memberSchema.pick({ userId: true, email: true, roles: true }).parse(result);
});
