import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import type { ChangeAction } from "@/lib/schemas/approvals";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../authz";
import { conflict } from "../errors";
import { readOrgSettings } from "../settings/get-settings";
import { expireDue } from "./close-request";

export type Gate = { submit: false } | { submit: true; expiresAt: Date };
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The one "approval needed?" decision for the webhook services, inside their transaction. A webhook whose creation
 * awaits approval cannot be edited; deleting it withdraws the creation request (nothing live is at stake).
 */
export async function approvalGate({ tx, actor, action, webhookId }: { tx: Tx; actor: Actor; action: ChangeAction; webhookId?: string }): Promise<Gate> {
  await expireDue(tx, actor.orgId);
  if (webhookId) {
    const [creation] = await tx
      .select()
      .from(changeRequests)
      .where(
        and(
          eq(changeRequests.orgId, actor.orgId),
          eq(changeRequests.webhookId, webhookId),
          eq(changeRequests.status, "pending"),
          eq(changeRequests.action, "create"),
        ),
      );
    if (creation && action === "update") {
      throw conflict("This webhook is awaiting approval of its creation. Wait for the decision, or cancel the request and create it again.", [
        { path: "version", message: "Awaiting approval." },
      ]);
    }
    if (creation && action === "delete") {
      const reason = "The webhook was deleted before a decision.";
      const mine = creation.requesterId === actor.id;
      await tx
        .update(changeRequests)
        .set({
          status: "cancelled",
          reason,
          decidedAt: new Date(),
          reviewerId: actor.id,
          reviewerLabel: actor.label,
          ...(mine ? { requesterNotifiedAt: new Date() } : {}),
        })
        .where(and(eq(changeRequests.id, creation.id), eq(changeRequests.status, "pending")));
      await recordAudit(
        {
          actor,
          orgId: actor.orgId,
          action: "change_request.cancelled",
          target: { type: "change_request", id: creation.id, label: creation.webhookName },
          summary: { action: "create", reason },
        },
        tx,
      );
      return { submit: false }; // the caller's delete then removes the pending webhook
    }
  }
  const settings = await readOrgSettings(tx, actor.orgId);
  if (!settings.approvals[action]) return { submit: false };
  return { submit: true, expiresAt: new Date(Date.now() + settings.approvalExpiryDays * DAY_MS) };
}
