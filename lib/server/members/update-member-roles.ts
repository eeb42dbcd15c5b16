import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import type { UpdateMemberInput } from "@/lib/schemas/members";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { AppError, notFound } from "../errors";

export async function updateMemberRoles({ actor, userId, input }: { actor: Actor; userId: string; input: UpdateMemberInput }) {
  assertCan(actor, "members.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ roles: memberships.roles, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)))
      .for("update");
    if (!before) throw notFound("No such member.");
    if (before.roles.includes("admin") && !input.roles.includes("admin")) {
      const [{ admins }] = await tx
        .select({ admins: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.orgId, actor.orgId), sql`'admin' = any(${memberships.roles})`));
      if (admins <= 1) throw new AppError("conflict", "An organization needs at least one admin.", [{ path: "roles", message: "This is the last admin." }]);
    }
    await tx.update(memberships).set({ roles: input.roles }).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    await recordAudit(
      { actor, orgId: actor.orgId, action: "member.roles_changed", target: { type: "user", id: userId, label: before.email }, summary: { before: before.roles, after: input.roles } },
      tx,
    );
    return { userId, email: before.email, roles: input.roles };
  });
}
