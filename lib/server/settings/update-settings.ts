import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import type { OrgSettings, UpdateSettingsInput } from "@/lib/schemas/settings";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { governanceGate, switchesApprovalOff } from "../approvals/four-eyes-rules";
import { insertRequest } from "../approvals/submit-change";
import type { ChangeRequestRow } from "../approvals/view";
import { readOrgSettings } from "./get-settings";

export const SETTINGS_TARGET_LABEL = "Approval settings";

/** Applies a settings patch (now, or on approval); audited with before and after. */
export async function applySettings(tx: Tx, actor: Actor, patch: UpdateSettingsInput): Promise<OrgSettings> {
  const before = await readOrgSettings(tx, actor.orgId);
  const after: OrgSettings = {
    ...before,
    approvals: { ...before.approvals, ...patch.approvals },
    approvalExpiryDays: patch.approvalExpiryDays ?? before.approvalExpiryDays,
    publishLimit: patch.publishLimit ?? before.publishLimit,
    retentionDays: patch.retentionDays ?? before.retentionDays,
    auditRetentionDays: patch.auditRetentionDays ?? before.auditRetentionDays,
  };
  if (JSON.stringify(before) === JSON.stringify(after)) return before;
  const { approvals, approvalExpiryDays, publishLimit, retentionDays, auditRetentionDays } = after;
  await tx
    .update(organizations)
    .set({ approvals, approvalExpiryDays, publishLimit, retentionDays, auditRetentionDays })
    .where(eq(organizations.id, actor.orgId));
  const changed = (["approvals", "approvalExpiryDays", "publishLimit", "retentionDays", "auditRetentionDays"] as const).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  await recordAudit(
    {
      actor,
      orgId: actor.orgId,
      action: "settings.updated",
      target: { type: "settings", id: actor.orgId, label: "Organization settings" },
      summary: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: after[k] }])),
    },
    tx,
  );
  return after;
}

/**
 * Changes which webhook changes need approval, how long requests stay open, the publish limit and retention. While approvals are on, switching a
 * kind off is a change request another approver decides; switching one on applies at once.
 */
export async function updateSettings({
  actor,
  patch,
}: {
  actor: Actor;
  patch: UpdateSettingsInput;
}): Promise<OrgSettings | { changeRequest: ChangeRequestRow }> {
  assertCan(actor, "settings.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, actor.orgId)).for("update");
    const expiresAt = await governanceGate(tx, actor.orgId, (settings) => switchesApprovalOff(settings, patch));
    if (!expiresAt) return applySettings(tx, actor, patch);
    const changeRequest = await insertRequest(tx, actor, {
      action: "update",
      targetKind: "settings",
      targetId: actor.orgId,
      webhookName: SETTINGS_TARGET_LABEL,
      proposed: patch,
      expiresAt,
    });
    return { changeRequest };
  });
}
