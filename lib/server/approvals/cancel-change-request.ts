import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../authz";
import { discardPendingCreation, expireDue } from "./close-request";
import { claimDecision, isRequester, notPending } from "./decide";
import { findRequest } from "./find-request";
import type { ChangeRequestRow } from "./view";

/** The requester withdraws their own pending request; nobody else may. */
export async function cancelChangeRequest({ actor, id }: { actor: Actor; id: string }): Promise<ChangeRequestRow> {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  return db.transaction(async (tx) => {
    const request = await findRequest(tx, actor, id);
    if (!isRequester(actor, request)) throw new AppError("forbidden", "Only the person who made this request can cancel it.");
    if (request.status !== "pending") throw notPending(request.status);
    const cancelled = await claimDecision(tx, actor, id, { status: "cancelled", notified: true });
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "change_request.cancelled",
        target: { type: "change_request", id, label: cancelled.webhookName },
        summary: { action: cancelled.action },
      },
      tx,
    );
    await discardPendingCreation(tx, actor, cancelled, "cancelled");
    return cancelled;
  });
}
