import Link from "next/link";
import type { Webhook } from "@/lib/schemas/webhooks";
import { formatDateTime } from "@/lib/format/dates";
import { Callout } from "@/components/ui/alert";

/** Why a webhook is not receiving events, or a warning that it soon will not. */
export function StatusNotice({ webhook: w }: { webhook: Webhook }) {
  const limit = w.failureHandling.suspendAfterFailures;
  if (w.status === "suspended") {
    return (
      <Callout variant="error" title={`Suspended${w.suspendedAt ? ` since ${formatDateTime(w.suspendedAt)}` : ""}`}>
        {w.statusReason ?? "Too many consecutive failed attempts."} New events are diverted, not sent, until the webhook is unsuspended.
      </Callout>
    );
  }
  if (w.status === "pending") {
    return (
      <Callout variant="info" title="Awaiting approval">
        {w.statusReason ?? "This webhook is created once an approver accepts the request."}{" "}
        {w.pendingChangeRequestId && (
          <Link href={`/admin/approvals/${w.pendingChangeRequestId}`} className="font-medium underline underline-offset-2">
            View the request
          </Link>
        )}
      </Callout>
    );
  }
  if (w.status === "disabled")
    return (
      <Callout variant="info" title="Disabled">
        {w.statusReason ?? "It receives no events until it is enabled again."}
      </Callout>
    );
  if (w.consecutiveFailures > 0 && w.consecutiveFailures >= limit * 0.5) {
    return (
      <Callout variant="warning" title="Deliveries are failing">
        {w.consecutiveFailures.toLocaleString("en-US")} consecutive failed attempts; the webhook is suspended after {limit.toLocaleString("en-US")}.
      </Callout>
    );
  }
  return null;
}
