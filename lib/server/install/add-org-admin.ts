import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { eventTypes, memberships, organizations, setupTokens, users } from "@/lib/db/schema";
import { DEMO_EVENT_TYPES } from "@/lib/db/catalog";
import { hashPassword } from "@/lib/crypto/password";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { invalid } from "@/lib/server/errors";

export type NewAdmin = { orgSlug: string; orgName: string; email: string; name?: string; password: string };

/**
 * Within the caller's transaction: the organization (created with the event-type catalog if it does not
 * exist) gets a new local account with the admin role. An existing account is refused rather than taken
 * over. Setup tokens are spent: an install with an admin has no setup step any more.
 */
export async function addOrgAdmin(tx: Tx, input: NewAdmin, via: "setup" | "cli") {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`);
  if (taken) throw invalid([{ path: "email", message: "An account with this email already exists." }]);
  let [org] = await tx.select().from(organizations).where(eq(organizations.slug, input.orgSlug));
  if (!org) {
    [org] = await tx.insert(organizations).values({ slug: input.orgSlug, name: input.orgName }).returning();
    await tx.insert(eventTypes).values(DEMO_EVENT_TYPES.map((t) => ({ ...t, orgId: org.id })));
  }
  const [user] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name || input.email.split("@")[0], passwordHash: await hashPassword(input.password) })
    .returning();
  await tx.insert(memberships).values({ orgId: org.id, userId: user.id, roles: ["admin"] });
  await tx.delete(setupTokens);
  await recordAudit(
    {
      actor: { kind: "system", id: via, label: via === "setup" ? "setup" : "cli" },
      orgId: org.id,
      action: "member.admin_created",
      target: { type: "user", id: user.id, label: user.email },
      summary: { via },
    },
    tx,
  );
  return { org: { id: org.id, slug: org.slug, name: org.name }, user: { id: user.id, email: user.email, name: user.name } };
}
