import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { memberships, organizations, users } from "@/lib/db/schema";
import type { UpdateMemberInput } from "@/lib/schemas/members";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { AppError, notFound } from "../errors";
import { governanceGate, grantsApprover } from "../approvals/four-eyes-rules";
import { insertRequest } from "../approvals/submit-change";
import type { ChangeRequestRow } from "../approvals/view";

/**
 * Every role change in an org first locks the organization row: two admins demoting each other at once are
 * serialized, so the second one counts the admins the first one left and gets the last-admin refusal.
 */
export async function lockOrgForRoleChange(tx: Tx, orgId: string) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for("update");
}

async function lockMember(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ roles: memberships.roles, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for("update");
  return row;
}

/** Sets a member's roles (now, or on approval), never leaving the org without an admin. Caller holds the org lock. */
export async function applyMemberRoles(tx: Tx, actor: Actor, userId: string, roles: string[]) {
  const before = await lockMember(tx, actor.orgId, userId);
  if (!before) throw notFound("No such member.");
  if (before.roles.includes("admin") && !roles.includes("admin")) {
    const [{ admins }] = await tx
      .select({ admins: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), sql`'admin' = any(${memberships.roles})`));
    if (admins <= 1) throw new AppError("conflict", "An organization needs at least one admin.", [{ path: "roles", message: "This is the last admin." }]);
  }
  await tx
    .update(memberships)
    .set({ roles })
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
  await recordAudit(
    {
      actor,
      orgId: actor.orgId,
      action: "member.roles_changed",
      target: { type: "user", id: userId, label: before.email },
      summary: { before: before.roles, after: roles },
    },
    tx,
  );
  return { userId, email: before.email, roles };
}

/** Changes a member's roles; granting the approver role while approvals are on is a change request instead. */
export async function updateMemberRoles({
  actor,
  userId,
  input,
}: {
  actor: Actor;
  userId: string;
  input: UpdateMemberInput;
}): Promise<{ userId: string; email: string; roles: string[] } | { changeRequest: ChangeRequestRow }> {
  assertCan(actor, "members.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockOrgForRoleChange(tx, actor.orgId);
    const before = await lockMember(tx, actor.orgId, userId);
    if (!before) throw notFound("No such member.");
    const expiresAt = await governanceGate(tx, actor.orgId, () => grantsApprover(before.roles, input.roles));
    if (!expiresAt) return applyMemberRoles(tx, actor, userId, input.roles);
    const changeRequest = await insertRequest(tx, actor, {
      action: "update",
      targetKind: "member-roles",
      targetId: userId,
      webhookName: `Roles of ${before.email}`,
      proposed: { email: before.email, roles: input.roles },
      baseVersion: null,
      expiresAt,
    });
    return { changeRequest };
  });
}
