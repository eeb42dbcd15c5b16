import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ChangeRequestRow } from "../approvals/view";
import { emitAlert } from "./emit-alert";

const WHAT = { create: "create", update: "change", delete: "delete" } as const;

/** To the approvers (not the requester): a change waits for them. */
export async function announceSubmitted(tx: Tx, r: ChangeRequestRow) {
  await emitAlert(tx, {
    orgId: r.orgId,
    type: "change_request.submitted",
    title: `${r.requesterLabel} asks to ${WHAT[r.action]} ${r.webhookName}`,
    body: `A request to ${WHAT[r.action]} the webhook ${r.webhookName} waits for approval until ${r.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    link: `/admin/approvals/${r.id}`,
    data: {
      changeRequest: {
        id: r.id,
        action: r.action,
        webhookId: r.webhookId,
        webhookName: r.webhookName,
        requester: r.requesterLabel,
        expiresAt: r.expiresAt.toISOString(),
      },
    },
    recipients: { roles: ["approver"] },
    exceptUserId: r.requesterId,
  });
}

/** To the requester: approved, rejected (with the reason) or stale. */
export async function announceDecided(tx: Tx, r: ChangeRequestRow) {
  await emitAlert(tx, {
    orgId: r.orgId,
    type: "change_request.decided",
    title: `Your request to ${WHAT[r.action]} ${r.webhookName} was ${r.status}`,
    body: [`${r.reviewerLabel ?? "A reviewer"} decided: ${r.status}.`, r.reason ? `Reason: ${r.reason}` : ""].filter(Boolean).join("\n"),
    link: `/admin/approvals/${r.id}`,
    data: {
      changeRequest: {
        id: r.id,
        action: r.action,
        status: r.status,
        webhookId: r.webhookId,
        webhookName: r.webhookName,
        reviewer: r.reviewerLabel,
        reason: r.reason,
      },
    },
    recipients: { userIds: [r.requesterId] },
  });
}
