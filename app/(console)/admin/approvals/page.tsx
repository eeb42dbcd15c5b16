import Link from "next/link";
import { ClipboardCheck } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { changeRequestListQuerySchema } from "@/lib/schemas/approvals";
import { listChangeRequests } from "@/lib/server/approvals/list-change-requests";
import { getSettings } from "@/lib/server/settings/get-settings";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonVariants } from "@/components/ui/button";
import { ChangeRequestsTable } from "@/components/approvals/change-requests-table";
import { StatusFilter } from "@/components/approvals/status-filter";
import { STATUS_LABELS } from "@/components/approvals/change-labels";
import { type SearchParams, firstParam } from "@/lib/utils/search-params";

export const metadata = { title: "Approvals" };

function policyText(approvals: { create: boolean; update: boolean; delete: boolean }) {
  const on = (["create", "update", "delete"] as const)
    .filter((k) => approvals[k])
    .map((k) => ({ create: "creating", update: "updating", delete: "deleting" })[k]);
  if (on.length === 0) return "Approvals are off: webhook changes apply at once.";
  return `An approver must accept ${on.join(", ").replace(/, ([^,]*)$/, " and $1")} webhooks before the change applies.`;
}

export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("changes.read");
  const raw = await searchParams;
  const status = firstParam(raw.status) ?? "pending";
  const parsed = changeRequestListQuerySchema.safeParse({ status, offset: firstParam(raw.offset) });
  const query = parsed.success ? parsed.data : changeRequestListQuerySchema.parse({ status: "pending" });
  const [page, settings] = await Promise.all([listChangeRequests({ actor, query }), getSettings({ actor })]);
  const canReview = can(actor, "changes.review");
  const isAdmin = can(actor, "settings.write");
  // eslint-disable-next-line react-hooks/purity -- an async server component renders once per request; now is that request's time
  const now = Date.now();
  const href = (offset: number) =>
    `?${new URLSearchParams({ ...(query.status !== "pending" ? { status: query.status } : {}), ...(offset ? { offset: String(offset) } : {}) })}`;

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Approvals"
        description={`${policyText(settings.approvals)} Requests expire after ${settings.approvalExpiryDays} day${settings.approvalExpiryDays === 1 ? "" : "s"}.`}
        actions={
          isAdmin ? (
            <Link href="/admin/settings" className={buttonVariants({ variant: "outline", size: "sm" })}>
              Approval settings
            </Link>
          ) : undefined
        }
      />
      <StatusFilter current={query.status} />
      {!parsed.success && <p className="text-sm text-destructive">That status filter is not valid; showing pending requests.</p>}
      {page.items.length === 0 ? (
        <EmptyState
          icon={ClipboardCheck}
          title={query.status === "all" ? "No change requests yet" : `No ${STATUS_LABELS[query.status].toLowerCase()} requests`}
          description={
            query.status === "pending"
              ? canReview
                ? "Nothing is waiting for a decision. New requests appear here, and their count on the Approvals tab."
                : "Nothing is waiting for a decision."
              : "Requests with this status will appear here."
          }
        />
      ) : (
        <div>
          <ChangeRequestsTable requests={page.items} now={now} />
          <Pagination offset={page.offset} count={page.count} total={page.total} href={href} noun="requests" />
        </div>
      )}
    </div>
  );
}
