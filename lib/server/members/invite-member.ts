import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { generatePassword, hashPassword } from "@/lib/crypto/password";
import type { InviteMemberInput } from "@/lib/schemas/members";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";

/** Adds a user to the org; a new local account gets a one-time initial password, returned once. */
export async function inviteMember({ actor, input }: { actor: Actor; input: InviteMemberInput }) {
  assertCan(actor, "members.manage");
  const db = await getDb();
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
    const created = !user;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name || input.email.split("@")[0], passwordHash, mustChangePassword: true })
        .returning();
    }
    const [existing] = await tx.select().from(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, user.id)));
    if (existing) throw conflict("This person is already a member.", [{ path: "email", message: "Already a member of this organization." }]);
    const [m] = await tx.insert(memberships).values({ orgId: actor.orgId, userId: user.id, roles: input.roles }).returning();
    await recordAudit(
      { actor, orgId: actor.orgId, action: "member.invited", target: { type: "user", id: user.id, label: user.email }, summary: { roles: input.roles, newAccount: created } },
      tx,
    );
    return { userId: user.id, email: user.email, name: user.name, roles: m.roles, createdAt: m.createdAt, initialPassword: created ? initialPassword : null };
  });
}
