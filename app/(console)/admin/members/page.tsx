import { requireActor } from "@/lib/auth/current";
import { listMembers } from "@/lib/server/members/list-members";
import { formatDateTime } from "@/lib/format/dates";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { EditRolesDialog } from "@/components/members/edit-roles-dialog";

export const metadata = { title: "Members" };

export default async function MembersPage() {
  const actor = await requireActor("members.manage");
  const members = await listMembers({ actor });
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
            <TH><span className="sr-only">Actions</span></TH>
          </TR>
        </THead>
        <TBody>
          {members.map((m) => (
            <TR key={m.userId}>
              <TD>
                <span className="font-medium">{m.name}</span>
                <span className="block break-all text-muted-foreground">{m.email}</span>
              </TD>
              <TD>
                <div className="flex flex-wrap gap-1">{m.roles.map((r) => <Badge key={r}>{r}</Badge>)}</div>
              </TD>
              <TD className="hidden whitespace-nowrap sm:table-cell">{formatDateTime(m.createdAt)}</TD>
              <TD className="text-right">
                <EditRolesDialog userId={m.userId} email={m.email} roles={m.roles} isSelf={m.userId === actor.id} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
