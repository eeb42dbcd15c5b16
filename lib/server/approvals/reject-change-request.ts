import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { discardPendingCreation, expireDue } from "./close-request";
import { announceDecided } from "../alerts/change-request-alerts";
import { assertNotRequester, claimDecision, notPending } from "./decide";
import { findRequest } from "./find-request";
import type { ChangeRequestRow } from "./view";

/** Rejects with a reason the requester sees; a rejected creation removes its pending webhook. */
export async function rejectChangeRequest({ actor, id, reason }: { actor: Actor; id: string; reason: string }): Promise<ChangeRequestRow> {
  assertCan(actor, "changes.review");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  return db.transaction(async (tx) => {
    const request = await findRequest(tx, actor, id);
    assertNotRequester(actor, request);
    if (request.status !== "pending") throw notPending(request.status);
    const rejected = await claimDecision(tx, actor, id, { status: "rejected", reason });
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "change_request.rejected",
        target: { type: "change_request", id, label: rejected.webhookName },
        summary: { action: rejected.action, requester: rejected.requesterLabel, reason },
      },
      tx,
    );
    await discardPendingCreation(tx, actor, rejected, "rejected");
    await announceDecided(tx, rejected);
    return rejected;
  });
}
