import Link from "next/link";
import type { ChangeAction, ChangeStatus } from "@/lib/schemas/approvals";
import { Callout } from "@/components/ui/alert";
import { ChangeStatusBadge, requestTitle } from "./change-labels";
import { DismissibleNotice } from "./dismissible-notice";

export type DecisionNotice = {
  id: string;
  action: ChangeAction;
  status: ChangeStatus;
  webhookName: string;
  reviewerLabel: string | null;
  reason: string | null;
};

/**
 * The requester's own requests decided since they last looked (lib/server/approvals/decision-notices), shown once on
 * their next page load (the request page keeps the decision for good).
 */
export function DecisionNotices({ notices }: { notices: DecisionNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <DismissibleNotice className="mb-6">
      <Callout
        variant="info"
        role="status"
        className="pr-10"
        title={notices.length === 1 ? "A request of yours was decided" : `${notices.length} requests of yours were decided`}
        data-testid="decision-notices"
      >
        <ul className="mt-1 grid gap-2">
          {notices.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link href={`/admin/approvals/${n.id}`} className="font-medium">
                {requestTitle(n.action, n.webhookName)}
              </Link>
              <ChangeStatusBadge status={n.status} />
              {n.reviewerLabel && n.status !== "cancelled" && <span className="text-muted-foreground">by {n.reviewerLabel}</span>}
              {n.status === "rejected" && n.reason && <span className="basis-full whitespace-pre-line">Reason: {n.reason}</span>}
            </li>
          ))}
        </ul>
      </Callout>
    </DismissibleNotice>
  );
}
