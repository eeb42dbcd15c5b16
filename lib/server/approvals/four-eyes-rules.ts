import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OrgSettings, UpdateSettingsInput } from "@/lib/schemas/settings";
import { readOrgSettings } from "../settings/get-settings";
import { expireDue } from "./close-request";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Approvals are "on" while any kind of webhook change needs one. */
export const approvalsOn = (s: OrgSettings) => s.approvals.create || s.approvals.update || s.approvals.delete;

/** Switching a kind off weakens four-eyes; switching one on never does (it applies at once). */
export const switchesApprovalOff = (before: OrgSettings, patch: UpdateSettingsInput) =>
  (["create", "update", "delete"] as const).some((k) => before.approvals[k] && patch.approvals?.[k] === false);

/** Granting the approver role to someone who lacks it creates a second pair of eyes the requester chose. */
export const grantsApprover = (before: readonly string[], after: readonly string[]) => after.includes("approver") && !before.includes("approver");

/**
 * While approvals are on, the rules that make four-eyes mean something are themselves changes to review (DESIGN §1).
 * Returns when such a request expires, or null when the change applies at once.
 */
export async function governanceGate(tx: Tx, orgId: string, needsReview: (settings: OrgSettings) => boolean): Promise<Date | null> {
  await expireDue(tx, orgId);
  const settings = await readOrgSettings(tx, orgId);
  if (!approvalsOn(settings) || !needsReview(settings)) return null;
  return new Date(Date.now() + settings.approvalExpiryDays * DAY_MS);
}
