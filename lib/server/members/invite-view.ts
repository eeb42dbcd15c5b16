import "server-only";
import type { invites } from "@/lib/db/schema";
import type { Invite } from "@/lib/schemas/members";

export type InviteRow = typeof invites.$inferSelect;

/** What leaves the server about an invitation: never the token or its hash. */
export function toInviteView(row: InviteRow): Invite {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    invitedBy: row.invitedByLabel,
    awaitingApproval: row.awaitingApproval,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
