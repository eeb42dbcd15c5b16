import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { Delivery } from "@/lib/schemas/delivery";

type Status = Delivery["status"];

export const DELIVERY_STATUS_LABELS: Record<Status, string> = {
  pending: "Pending",
  sending: "Sending",
  succeeded: "Succeeded",
  failed: "Failed, will retry",
  diverted: "Diverted",
};
const VARIANTS: Record<Status, BadgeVariant> = { pending: "info", sending: "info", succeeded: "success", failed: "warning", diverted: "danger" };

/** A delivery's state in words (the dot is a second cue, never the only one). */
export function DeliveryStatusBadge({ status }: { status: Status }) {
  return (
    <Badge variant={VARIANTS[status]} dot>
      {DELIVERY_STATUS_LABELS[status]}
    </Badge>
  );
}

/** What an attempt's error class means: a sentence for the attempt log, a few words for table cells. */
const ERROR_CLASSES: Record<string, [long: string, short: string]> = {
  http_status: ["Receiver answered with an error status", "HTTP error"],
  timeout: ["Timed out (15 s)", "Timed out"],
  dns: ["Host name did not resolve", "DNS lookup failed"],
  connect: ["Could not connect", "Connection failed"],
  tls: ["TLS handshake failed", "TLS error"],
  blocked_address: ["Blocked address (SSRF guard)", "Blocked address"],
  auth_token: ["OAuth token request failed", "OAuth token error"],
};

export const errorLabel = (errorClass: string | null, form: "long" | "short" = "long") =>
  errorClass ? (ERROR_CLASSES[errorClass]?.[form === "long" ? 0 : 1] ?? errorClass) : null;

/** True while the engine still has work to do for this delivery. */
export const inFlight = (status: Status) => status === "pending" || status === "sending" || status === "failed";
