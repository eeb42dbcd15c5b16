import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import type { Actor } from "../authz";
import { expireDue } from "./close-request";

const NOTIFY = ["approved", "rejected", "stale", "expired", "cancelled"] as const;

/**
 * The actor's own requests decided since they last looked, marked as seen: shown once, as a notice on their next
 * page load (the request page keeps the decision for good).
 */
export async function takeDecisionNotices(actor: Actor) {
  const db = await getDb();
  await expireDue(db, actor.orgId);
  return db
    .update(changeRequests)
    .set({ requesterNotifiedAt: sql`now()` })
    .where(
      and(
        eq(changeRequests.orgId, actor.orgId),
        eq(changeRequests.requesterId, actor.id),
        inArray(changeRequests.status, [...NOTIFY]),
        isNull(changeRequests.requesterNotifiedAt),
      ),
    )
    .returning({
      id: changeRequests.id,
      action: changeRequests.action,
      status: changeRequests.status,
      webhookName: changeRequests.webhookName,
      reviewerLabel: changeRequests.reviewerLabel,
      reason: changeRequests.reason,
    });
}
