import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ChangeAction, ChangeStatus } from "@/lib/schemas/approvals";

export const ACTION_LABELS: Record<ChangeAction, string> = { create: "Create", update: "Update", delete: "Delete" };
export const STATUS_LABELS: Record<ChangeStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  cancelled: "Cancelled",
  stale: "Stale",
  expired: "Expired",
};
const STATUS_VARIANTS: Record<ChangeStatus, BadgeVariant> = {
  pending: "info",
  approved: "success",
  rejected: "danger",
  cancelled: "neutral",
  stale: "warning",
  expired: "neutral",
};
const ACTION_VARIANTS: Record<ChangeAction, BadgeVariant> = { create: "success", update: "info", delete: "danger" };

export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  return (
    <Badge variant={STATUS_VARIANTS[status]} dot>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function ChangeActionBadge({ action }: { action: ChangeAction }) {
  return <Badge variant={ACTION_VARIANTS[action]}>{ACTION_LABELS[action]}</Badge>;
}

/** "Create “Orders”", as a request's title. */
export const requestTitle = (action: ChangeAction, name: string) => `${ACTION_LABELS[action]} “${name}”`;
