import { Badge } from "@/components/ui/badge";

export const REASON_LABELS: Record<string, { label: string; hint: string }> = {
  exhausted: { label: "Retries exhausted", hint: "Every attempt failed." },
  suspended: { label: "Webhook suspended", hint: "Arrived while the webhook was suspended after repeated failures." },
  disabled: { label: "Webhook disabled", hint: "Arrived while the webhook was disabled." },
  gone: { label: "Endpoint gone", hint: "The receiver answered 410 Gone, which disables the webhook." },
  crashed: { label: "Worker crashed while sending", hint: "Claimed several times without a result: sending it kept crashing or killing the worker." },
};

/** Why a delivery was diverted, in words; the title says a little more. */
export function DivertedReasonBadge({ reason }: { reason: string }) {
  const known = REASON_LABELS[reason];
  return (
    <Badge variant="warning" title={known?.hint}>
      {known?.label ?? reason}
    </Badge>
  );
}
