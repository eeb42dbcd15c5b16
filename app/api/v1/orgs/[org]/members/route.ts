// GET, POST /api/v1/orgs/{org}/members — list members, invite one (a new account's initial password shown once)
import { orgRoute } from "@/lib/http/route";
import { inviteMemberSchema, invitedMemberSchema, memberSchema } from "@/lib/schemas/members";
import { listMembers } from "@/lib/server/members/list-members";
import { inviteMember } from "@/lib/server/members/invite-member";

export const GET = orgRoute({ permission: "members.read" }, async ({ actor }) => ({
  items: (await listMembers({ actor })).map((m) => memberSchema.parse(m)),
}));

export const POST = orgRoute({ permission: "members.manage", body: inviteMemberSchema, status: 201 }, async ({ actor, body }) =>
  invitedMemberSchema.parse(await inviteMember({ actor, input: body })),
);
