import Link from "next/link";
import type { ChangeRequest } from "@/lib/schemas/approvals";
import { formatAge, formatDateTime } from "@/lib/format/dates";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ChangeActionBadge, ChangeStatusBadge } from "./change-labels";

/** The inbox: action, webhook, requester, age, status; on phones the requester and age move under the name. */
export function ChangeRequestsTable({ requests, now }: { requests: ChangeRequest[]; now: number }) {
  return (
    <Table label="Change requests">
      <THead>
        <TR>
          <TH>Action</TH>
          <TH>Webhook</TH>
          <TH className="hidden md:table-cell">Requester</TH>
          <TH className="hidden sm:table-cell">Age</TH>
          <TH>Status</TH>
        </TR>
      </THead>
      <TBody>
        {requests.map((r) => (
          <TR key={r.id}>
            <TD className="w-0">
              <ChangeActionBadge action={r.action} />
            </TD>
            <TD className="max-w-[12rem] sm:max-w-[20rem]">
              <Link href={`/admin/approvals/${r.id}`} className="block truncate font-medium underline-offset-4 hover:underline" title={r.webhookName}>
                {r.webhookName}
              </Link>
              <span className="mt-0.5 block truncate text-xs text-muted-foreground md:hidden">
                {r.requester.label}
                <span className="sm:hidden"> · {formatAge(r.createdAt, now)}</span>
              </span>
            </TD>
            <TD className="hidden max-w-[16rem] truncate md:table-cell" title={r.requester.label}>
              {r.requester.label}
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
              <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)}>
                {formatAge(r.createdAt, now)}
              </time>
            </TD>
            <TD className="w-0">
              <ChangeStatusBadge status={r.status} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
