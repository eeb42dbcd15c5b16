import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { Delivery } from "@/lib/schemas/delivery";

type Status = Delivery["status"];
const LABELS: Record<Status, string> = { pending: "Pending", sending: "Sending", succeeded: "Succeeded", failed: "Retrying", diverted: "Diverted" };
const VARIANTS: Record<Status, BadgeVariant> = { pending: "neutral", sending: "info", succeeded: "success", failed: "warning", diverted: "danger" };

/** A failed delivery that still has attempts left is shown as "Retrying": it is not over yet. */
export function DeliveryStatusBadge({ status }: { status: Status }) {
  return <Badge variant={VARIANTS[status]} dot>{LABELS[status]}</Badge>;
}
