import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { applyChange } from "./apply-change";
import { applyGovernanceChange } from "./apply-governance-change";
import { discardPendingCreation, expireDue } from "./close-request";
import { announceDecided } from "../alerts/change-request-alerts";
import { assertNotRequester, claimDecision, notPending } from "./decide";
import { findRequest } from "./find-request";
import type { ChangeRequestRow } from "./view";

/**
 * Approves and applies atomically. One decision wins under concurrency (claimDecision); a webhook that moved on
 * since submission makes the request stale (committed, then reported as 409) and changes nothing.
 */
export async function approveChangeRequest({ actor, id }: { actor: Actor; id: string }): Promise<ChangeRequestRow> {
  assertCan(actor, "changes.review");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  const outcome = await db.transaction(async (tx) => {
    const request = await findRequest(tx, actor, id);
    assertNotRequester(actor, request);
    if (request.status !== "pending") throw notPending(request.status);
    const claimed = await claimDecision(tx, actor, id, { status: "approved" });
    const target = { type: "change_request", id, label: claimed.webhookName };
    const result = claimed.targetKind === "webhook" ? await applyChange(tx, actor, claimed) : await applyGovernanceChange(tx, actor, claimed);
    if (!result.applied) {
      const [stale] = await tx.update(changeRequests).set({ status: "stale" }).where(eq(changeRequests.id, id)).returning();
      await recordAudit(
        {
          actor,
          orgId: actor.orgId,
          action: "change_request.stale",
          target,
          summary: { action: claimed.action, baseVersion: result.stale.base, currentVersion: result.stale.now },
        },
        tx,
      );
      await discardPendingCreation(tx, actor, stale, "stale");
      await announceDecided(tx, stale);
      return { row: stale, stale: result.stale };
    }
    await recordAudit(
      { actor, orgId: actor.orgId, action: "change_request.approved", target, summary: { action: claimed.action, requester: claimed.requesterLabel } },
      tx,
    );
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "change_request.applied",
        target,
        summary: { action: claimed.action, webhookId: claimed.webhookId, webhookVersion: result.webhookVersion },
      },
      tx,
    );
    await announceDecided(tx, claimed);
    return { row: claimed, stale: null };
  });
  if (outcome.stale) {
    const { base, now } = outcome.stale;
    const what = now === null ? "was deleted" : `is now at version ${now}`;
    if (outcome.row.targetKind !== "webhook")
      throw conflict("What this request changes is gone (the member left, or the invitation was revoked). The request is now stale and nothing was changed.");
    throw conflict(
      `The webhook changed after this request was made: the request was for version ${base}, the webhook ${what}. The request is now stale and nothing was changed; the requester can submit it again.`,
    );
  }
  return outcome.row;
}
