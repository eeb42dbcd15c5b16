import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { WebhookStatus } from "@/lib/schemas/webhooks";

export const STATUS_LABELS: Record<WebhookStatus, string> = { active: "Active", pending: "Pending", disabled: "Disabled", suspended: "Suspended" };
const VARIANTS: Record<WebhookStatus, BadgeVariant> = { active: "success", pending: "info", disabled: "neutral", suspended: "danger" };

/** Status as words (with a colour dot as a second cue), plus "Change pending" while a change request waits. */
export function WebhookStatusBadges({ status, pendingChange }: { status: WebhookStatus; pendingChange?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Badge variant={VARIANTS[status]} dot>{STATUS_LABELS[status]}</Badge>
      {pendingChange && <Badge variant="warning">Change pending</Badge>}
    </span>
  );
}
