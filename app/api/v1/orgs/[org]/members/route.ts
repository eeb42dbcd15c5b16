// GET, POST /api/v1/orgs/{org}/members — list members, invite one (a one-time link, never a password; 202 when
// the invite grants the approver role while approvals are on and waits for another approver)
import { orgRoute } from "@/lib/http/route";
import { inviteMemberSchema, invitedMemberSchema, memberSchema } from "@/lib/schemas/members";
import { listMembers } from "@/lib/server/members/list-members";
import { inviteMember } from "@/lib/server/members/invite-member";

export const GET = orgRoute({ permission: "members.read" }, async ({ actor }) => ({
  items: (await listMembers({ actor })).map((m) => memberSchema.parse(m)),
}));

export const POST = orgRoute({ permission: "members.manage", body: inviteMemberSchema }, async ({ actor, body }) => {
  const invited = invitedMemberSchema.parse(await inviteMember({ actor, input: body }));
  return Response.json(invited, { status: invited.changeRequestId ? 202 : 201, headers: { "cache-control": "no-store" } });
});
