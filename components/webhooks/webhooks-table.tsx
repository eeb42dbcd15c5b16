import Link from "next/link";
import type { Webhook } from "@/lib/schemas/webhooks";
import { formatDateTime } from "@/lib/format/dates";
import { formatRate } from "@/lib/format/chart-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { WebhookStatusBadges } from "./webhook-status-badge";
import { WebhookRowActions } from "./webhook-row-actions";

const AUTH_LABELS = { api_key: "API Key", oauth2: "OAuth" } as const;

/** The column header says UTC, so cells drop the suffix; the full text is in the title. */
function When({ iso }: { iso: string }) {
  const full = formatDateTime(iso);
  return (
    <time dateTime={iso} title={full}>
      {full.replace(/ UTC$/, "")}
    </time>
  );
}

type SuccessRate = { attempts: number; rate: number | null };
type Props = { webhooks: Webhook[]; canTest: boolean; canDelete: boolean; deleteNeedsApproval?: boolean; successRates?: Record<string, SuccessRate> };

/** The last 24 hours' success rate, coloured when it is poor; a dash when nothing was sent. */
function Rate({ value }: { value?: SuccessRate }) {
  if (!value || value.rate === null)
    return (
      <span className="text-muted-foreground" title="No attempts in the last 24 hours">
        —
      </span>
    );
  const tone = value.rate >= 0.99 ? "" : value.rate >= 0.9 ? "text-warning" : "text-destructive";
  return (
    <span className={`tabular-nums ${tone}`} title={`${value.attempts.toLocaleString("en-US")} attempts in the last 24 hours`}>
      {formatRate(value.rate)}
    </span>
  );
}

/** The Paxos columns; on narrow screens the URL moves under the name and the dates and auth type hide. */
export function WebhooksTable({ webhooks, canTest, canDelete, deleteNeedsApproval, successRates = {} }: Props) {
  return (
    <Table label="Webhooks">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH className="hidden md:table-cell">URL</TH>
          <TH className="hidden lg:table-cell">Auth type</TH>
          <TH className="hidden xl:table-cell">Created at (UTC)</TH>
          <TH className="hidden lg:table-cell">Updated at (UTC)</TH>
          <TH className="hidden sm:table-cell whitespace-nowrap text-right">Success (24 h)</TH>
          <TH>Status</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {webhooks.map((w) => (
          <TR key={w.id}>
            <TD className="max-w-[11rem] sm:max-w-[16rem] lg:max-w-[13rem]">
              <Link
                href={`/developer/webhooks/${w.id}`}
                title={w.name}
                className="block truncate font-medium text-foreground underline-offset-4 hover:underline"
              >
                {w.name}
              </Link>
              <span className="mt-0.5 block truncate font-mono text-xs text-muted-foreground md:hidden" title={w.url}>
                {w.url}
              </span>
            </TD>
            <TD className="hidden max-w-[14rem] md:table-cell xl:max-w-[19rem]">
              <span className="block truncate font-mono text-xs" title={w.url}>
                {w.url}
              </span>
            </TD>
            <TD className="hidden whitespace-nowrap lg:table-cell">{AUTH_LABELS[w.auth.type]}</TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">
              <When iso={w.createdAt} />
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
              <When iso={w.updatedAt} />
            </TD>
            <TD className="hidden text-right sm:table-cell">
              <Rate value={successRates[w.id]} />
            </TD>
            <TD>
              <WebhookStatusBadges status={w.status} pendingChange={w.pendingChangeRequestId} />
              {(w.status === "suspended" || w.status === "disabled") && w.statusReason && (
                <span className="mt-1 block max-w-[14rem] truncate text-xs text-muted-foreground" title={w.statusReason}>
                  {w.statusReason}
                </span>
              )}
            </TD>
            <TD className="w-0 text-right">
              <WebhookRowActions id={w.id} name={w.name} canTest={canTest} canDelete={canDelete} deleteNeedsApproval={deleteNeedsApproval} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
