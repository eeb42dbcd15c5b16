import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { memberships } from "@/lib/db/schema";
import type { ChangeRow } from "@/lib/schemas/approvals";
import type { ApprovalSettings } from "@/lib/schemas/settings";
import { readOrgSettings } from "../settings/get-settings";
import type { ChangeRequestRow } from "./view";

const KINDS: { key: keyof ApprovalSettings; label: string }[] = [
  { key: "create", label: "Approval to create a webhook" },
  { key: "update", label: "Approval to update a webhook" },
  { key: "delete", label: "Approval to delete a webhook" },
];

const value = (field: string, label: string, before: string, after: string): ChangeRow => ({
  field,
  label,
  kind: "value",
  before,
  after,
  changed: before !== after,
});

function rolesRow(before: string[], after: string[]): ChangeRow {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  return {
    field: "roles",
    label: "Roles",
    kind: "list",
    before: before.join(", ") || "—",
    after: after.join(", "),
    changed: added.length + removed.length > 0,
    added,
    removed,
  };
}

/** The diff of a settings, member-roles or invite request against what is live now (the same view as webhooks). */
export async function governanceDiff(db: Db, request: ChangeRequestRow): Promise<{ live: Record<string, unknown> | null; changes: ChangeRow[] }> {
  const proposed = request.proposed as { approvals?: Partial<ApprovalSettings>; approvalExpiryDays?: number; email?: string; roles?: string[] };
  if (request.targetKind === "settings") {
    const live = await readOrgSettings(db, request.orgId);
    const word = (on: boolean) => (on ? "Required" : "Not required");
    const changes = KINDS.map(({ key, label }) =>
      value(`approvals.${key}`, label, word(live.approvals[key]), word(proposed.approvals?.[key] ?? live.approvals[key])),
    );
    changes.push(
      value("approvalExpiryDays", "Requests stay open", `${live.approvalExpiryDays} days`, `${proposed.approvalExpiryDays ?? live.approvalExpiryDays} days`),
    );
    return { live: { approvals: live.approvals, approvalExpiryDays: live.approvalExpiryDays }, changes };
  }
  if (request.targetKind === "member-roles") {
    const [member] = await db
      .select({ roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.orgId, request.orgId), eq(memberships.userId, request.targetId!)));
    const before = member?.roles ?? [];
    return {
      live: member ? { roles: before } : null,
      changes: [value("email", "Member", proposed.email ?? "", proposed.email ?? ""), rolesRow(before, proposed.roles ?? [])],
    };
  }
  return { live: null, changes: [value("email", "Invited e-mail", "—", proposed.email ?? ""), rolesRow([], proposed.roles ?? [])] };
}
