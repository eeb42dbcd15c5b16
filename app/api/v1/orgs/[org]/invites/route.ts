// GET /api/v1/orgs/{org}/invites — open invitations (never their links)
import { orgRoute } from "@/lib/http/route";
import { listInvites } from "@/lib/server/members/list-invites";

export const GET = orgRoute({ permission: "members.read" }, async ({ actor }) => ({ items: await listInvites({ actor }) }));
