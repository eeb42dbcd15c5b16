import { requireActor } from "@/lib/auth/current";
import { listMembers } from "@/lib/server/members/list-members";
import { listInvites } from "@/lib/server/members/list-invites";
import { formatDateTime } from "@/lib/format/dates";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Toaster } from "@/components/ui/toast";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { EditRolesDialog } from "@/components/members/edit-roles-dialog";
import { RevokeInviteButton } from "@/components/members/revoke-invite-button";

export const metadata = { title: "Members" };

const Roles = ({ roles }: { roles: string[] }) => (
  <div className="flex flex-wrap gap-1">
    {roles.map((r) => (
      <Badge key={r}>{r}</Badge>
    ))}
  </div>
);

export default async function MembersPage() {
  const actor = await requireActor("members.manage");
  const [members, invites] = await Promise.all([listMembers({ actor }), listInvites({ actor })]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Members</h1>
          <p className="mt-1 text-sm text-muted-foreground">People in this organization and what they may do. Role changes apply from their next request.</p>
        </div>
        <InviteMemberDialog />
      </div>
      <Table label="Members">
        <THead>
          <TR>
            <TH>Member</TH>
            <TH>Roles</TH>
            <TH className="hidden sm:table-cell">Joined</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {invites.map((i) => (
            <TR key={i.id} data-invite="">
              <TD>
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{i.name ?? i.email.split("@")[0]}</span>
                  <Badge variant={i.awaitingApproval ? "warning" : "info"}>{i.awaitingApproval ? "Invited · awaiting approval" : "Invited"}</Badge>
                </span>
                <span className="block break-all text-muted-foreground">{i.email}</span>
                <span className="block text-xs text-muted-foreground sm:hidden">Link expires {formatDateTime(i.expiresAt)}</span>
              </TD>
              <TD>
                <Roles roles={i.roles} />
              </TD>
              <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                Invited by {i.invitedBy}
                <span className="block text-xs">Link expires {formatDateTime(i.expiresAt)}</span>
              </TD>
              <TD className="text-right">
                <RevokeInviteButton id={i.id} email={i.email} />
              </TD>
            </TR>
          ))}
          {members.map((m) => (
            <TR key={m.userId}>
              <TD>
                <span className="font-medium">{m.name}</span>
                <span className="block break-all text-muted-foreground">{m.email}</span>
              </TD>
              <TD>
                <Roles roles={m.roles} />
              </TD>
              <TD className="hidden whitespace-nowrap sm:table-cell">{formatDateTime(m.createdAt)}</TD>
              <TD className="text-right">
                <EditRolesDialog userId={m.userId} email={m.email} roles={m.roles} isSelf={m.userId === actor.id} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <Toaster />
    </div>
  );
}
