import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { memberships, oidcIdentities, users } from "@/lib/db/schema";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, type Actor } from "@/lib/server/authz";
import { notFound } from "@/lib/server/errors";

/**
 * An admin lets a member of their org sign in with the configured OpenID provider: the member's first
 * OIDC sign-in with a verified e-mail then links (issuer, subject) to the account. Idempotent.
 */
export async function allowOidcLink({ actor, userId, issuer }: { actor: Actor; userId: string; issuer: string }) {
  assertCan(actor, "members.manage");
  const db = await getDb();
  const [member] = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
  if (!member) throw notFound("No such member.");
  const created = await db.insert(oidcIdentities).values({ userId, issuer, createdBy: actor.label }).onConflictDoNothing().returning({ id: oidcIdentities.id });
  if (created.length) {
    await recordAudit({
      actor,
      orgId: actor.orgId,
      action: "member.oidc_link_allowed",
      target: { type: "user", id: userId, label: member.email },
      summary: { issuer },
    });
  }
  return { userId, issuer, created: created.length > 0 };
}
