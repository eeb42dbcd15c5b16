import Link from "next/link";
import { headers } from "next/headers";
import type { Actor } from "@/lib/server/authz";
import { takeDecisionNotices } from "@/lib/server/approvals/decision-notices";
import { Callout } from "@/components/ui/alert";
import { ChangeStatusBadge, requestTitle } from "./change-labels";
import { DismissibleNotice } from "./dismissible-notice";

/**
 * The requester's own requests decided since they last looked, shown once on their next page load and marked seen
 * (the request page keeps the decision for good).
 */
export async function DecisionNotices({ actor }: { actor: Actor }) {
  // A router prefetch is not a visit: taking the notices then would mark them seen without anyone seeing them.
  if ((await headers()).get("next-router-prefetch")) return null;
  const notices = await takeDecisionNotices(actor);
  if (notices.length === 0) return null;
  return (
    <DismissibleNotice className="mb-6">
      <Callout variant="info" role="status" className="pr-10" title={notices.length === 1 ? "A request of yours was decided" : `${notices.length} requests of yours were decided`} data-testid="decision-notices">
        <ul className="mt-1 grid gap-2">
          {notices.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link href={`/admin/approvals/${n.id}`} className="font-medium">{requestTitle(n.action, n.webhookName)}</Link>
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
