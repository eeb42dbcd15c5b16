import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/lib/db/client";
import { changeRequests, webhooks } from "@/lib/db/schema";
import type { ChangeRequestStatus } from "@/lib/db/schema/approvals";
import { recordAudit } from "../audit/record-audit";
import { SYSTEM } from "./system-actor";
import { revokeUnapprovedInvite } from "./revoke-unapproved-invite";
import type { ChangeRequestRow } from "./view";

type Who = Parameters<typeof recordAudit>[0]["actor"];

/**
 * A creation that ends without approval leaves nothing behind: its pending webhook (which never received
 * anything) is removed, or its invitation revoked, in the same transaction.
 */
export async function discardPendingCreation(tx: Tx, actor: Who, request: ChangeRequestRow, outcome: ChangeRequestStatus) {
  await revokeUnapprovedInvite(tx, request);
  if (request.targetKind !== "webhook") return;
  if (request.action !== "create" || !request.webhookId) return;
  const [gone] = await tx
    .delete(webhooks)
    .where(and(eq(webhooks.id, request.webhookId), eq(webhooks.orgId, request.orgId), eq(webhooks.status, "pending")))
    .returning({ id: webhooks.id, name: webhooks.name });
  if (gone) {
    await recordAudit(
      {
        actor,
        orgId: request.orgId,
        action: "webhook.deleted",
        target: { type: "webhook", id: gone.id, label: gone.name },
        summary: { reason: `creation request ${outcome}`, changeRequestId: request.id },
      },
      tx,
    );
  }
}

/** Lazily expires an org's overdue pending requests (on every read and decision); audited as the system. */
export async function expireDue(db: DbOrTx, orgId: string) {
  await db.transaction(async (tx) => {
    const expired = await tx
      .update(changeRequests)
      .set({ status: "expired", decidedAt: sql`now()` })
      .where(and(eq(changeRequests.orgId, orgId), eq(changeRequests.status, "pending"), lte(changeRequests.expiresAt, sql`now()`)))
      .returning();
    for (const r of expired) {
      await recordAudit(
        {
          actor: SYSTEM,
          orgId,
          action: "change_request.expired",
          target: { type: "change_request", id: r.id, label: r.webhookName },
          summary: { action: r.action, expiresAt: r.expiresAt.toISOString() },
        },
        tx,
      );
      await discardPendingCreation(tx, SYSTEM, r, "expired");
    }
  });
}
