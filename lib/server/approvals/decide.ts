import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import type { ChangeRequestStatus } from "@/lib/db/schema/approvals";
import type { Actor } from "../authz";
import { AppError, conflict } from "../errors";
import { findRequest } from "./find-request";
import type { ChangeRequestRow } from "./view";

const STATUS_TEXT: Record<ChangeRequestStatus, string> = {
  pending: "pending",
  approved: "already approved",
  rejected: "already rejected",
  cancelled: "cancelled",
  stale: "stale",
  expired: "expired",
};

export const notPending = (status: ChangeRequestStatus) => conflict(`This request is ${STATUS_TEXT[status]}: it can no longer be decided.`);

/** True when the actor made the request, directly or through an API key of theirs. */
export function isRequester(actor: Actor, request: ChangeRequestRow) {
  return request.requesterId === actor.id || (actor.personId !== null && request.requesterPersonId === actor.personId);
}

/**
 * Reviewers decide other people's requests only (DESIGN §7): the requester, or the person whose API key made the
 * request, gets a 403, which the route audits.
 */
export function assertNotRequester(actor: Actor, request: ChangeRequestRow) {
  if (isRequester(actor, request)) throw new AppError("forbidden", "You made this request, so someone else must review it. You can cancel it instead.");
}

/**
 * Claims the one decision of a request: a conditional UPDATE … WHERE status = 'pending' (and not yet expired).
 * Of two concurrent decisions exactly one sees a row; the other gets a 409.
 */
export async function claimDecision(
  tx: Tx,
  actor: Actor,
  id: string,
  set: { status: ChangeRequestStatus; reason?: string | null; notified?: boolean },
): Promise<ChangeRequestRow> {
  const [claimed] = await tx
    .update(changeRequests)
    .set({
      status: set.status,
      reviewerId: actor.id,
      reviewerLabel: actor.label,
      decidedAt: sql`now()`,
      ...(set.reason !== undefined ? { reason: set.reason } : {}),
      ...(set.notified ? { requesterNotifiedAt: sql`now()` } : {}),
    })
    .where(
      and(eq(changeRequests.id, id), eq(changeRequests.orgId, actor.orgId), eq(changeRequests.status, "pending"), gt(changeRequests.expiresAt, sql`now()`)),
    )
    .returning();
  if (claimed) return claimed;
  const current = await findRequest(tx, actor, id);
  throw current.status === "pending" ? notPending("expired") : notPending(current.status);
}
