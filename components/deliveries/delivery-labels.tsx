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
  return <Badge variant={VARIANTS[status]} dot>{DELIVERY_STATUS_LABELS[status]}</Badge>;
}

/** What an attempt's error class means to the person reading the log. */
export const ERROR_CLASS_LABELS: Record<string, string> = {
  http_status: "Receiver answered with an error status",
  timeout: "Timed out (15 s)",
  dns: "Host name did not resolve",
  connect: "Could not connect",
  tls: "TLS handshake failed",
  blocked_address: "Blocked address (SSRF guard)",
  auth_token: "OAuth token request failed",
};

export const errorLabel = (errorClass: string | null) => (errorClass ? (ERROR_CLASS_LABELS[errorClass] ?? errorClass) : null);

/** True while the engine still has work to do for this delivery. */
export const inFlight = (status: Status) => status === "pending" || status === "sending" || status === "failed";
