import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";

export async function listMembers({ actor }: { actor: Actor }) {
  assertCan(actor, "members.read");
  const db = await getDb();
  return db
    .select({ userId: users.id, email: users.email, name: users.name, roles: memberships.roles, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, actor.orgId))
    .orderBy(users.email);
}
