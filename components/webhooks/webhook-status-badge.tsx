import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { WebhookStatus } from "@/lib/schemas/webhooks";

export const STATUS_LABELS: Record<WebhookStatus, string> = { active: "Active", pending: "Pending", disabled: "Disabled", suspended: "Suspended" };
const VARIANTS: Record<WebhookStatus, BadgeVariant> = { active: "success", pending: "info", disabled: "neutral", suspended: "danger" };

const linkClasses = "rounded-full underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * Status as words (with a colour dot as a second cue), plus "Change pending" while a change request waits. Given the
 * request's id, the badge of a pending creation or change links to the request.
 */
export function WebhookStatusBadges({ status, pendingChange }: { status: WebhookStatus; pendingChange?: string | boolean | null }) {
  const requestHref = typeof pendingChange === "string" ? `/admin/approvals/${pendingChange}` : null;
  const statusBadge = (
    <Badge variant={VARIANTS[status]} dot>
      {STATUS_LABELS[status]}
    </Badge>
  );
  // A pending creation is itself the request: its Pending badge links there, with no second badge.
  if (status === "pending") {
    return requestHref ? (
      <Link href={requestHref} className={linkClasses} title="Awaiting approval: view the request">
        {statusBadge}
      </Link>
    ) : (
      statusBadge
    );
  }
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {statusBadge}
      {pendingChange &&
        (requestHref ? (
          <Link href={requestHref} className={linkClasses}>
            <Badge variant="warning">Change pending</Badge>
          </Link>
        ) : (
          <Badge variant="warning">Change pending</Badge>
        ))}
    </span>
  );
}
