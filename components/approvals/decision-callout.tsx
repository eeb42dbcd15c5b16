import type { ChangeRequest } from "@/lib/schemas/approvals";
import { Callout, type CalloutVariant } from "@/components/ui/alert";

const APPLIED = {
  create: "The webhook was created and is receiving events.",
  update: "The change was applied as a new version.",
  delete: "The webhook was deleted.",
} as const;

/** What a decided request's outcome means, in one sentence, with the reviewer's reason. */
export function decisionText(
  r: Pick<ChangeRequest, "status" | "action" | "reviewer" | "reason">,
): { variant: CalloutVariant; title: string; body: string } | null {
  const by = r.reviewer ? ` by ${r.reviewer.label}` : "";
  switch (r.status) {
    case "approved":
      return { variant: "success", title: `Approved${by}`, body: APPLIED[r.action] };
    case "rejected":
      return { variant: "error", title: `Rejected${by}`, body: r.reason ? `Reason: ${r.reason}` : "Nothing was changed." };
    case "cancelled":
      return { variant: "info", title: "Cancelled by the requester", body: "Nothing was changed." };
    case "stale":
      return {
        variant: "warning",
        title: "Stale: nothing was changed",
        body: "The webhook changed after this request was made. Submit the change again against the current version.",
      };
    case "expired":
      return { variant: "info", title: "Expired", body: "Nobody decided this request in time, so nothing was changed." };
    default:
      return null;
  }
}

export function DecisionCallout({ request }: { request: ChangeRequest }) {
  const text = decisionText(request);
  if (!text) return null;
  return (
    <Callout variant={text.variant} title={text.title} data-testid="decision">
      <span className="whitespace-pre-line">{text.body}</span>
    </Callout>
  );
}
