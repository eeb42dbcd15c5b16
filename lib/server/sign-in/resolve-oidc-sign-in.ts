import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { oidcIdentities, users } from "@/lib/db/schema";
import { recordAudit } from "@/lib/server/audit/record-audit";

export type OidcClaims = { issuer: string; subject: string; email?: string | null; emailVerified?: unknown };

/**
 * Which account an OpenID Connect sign-in belongs to. An identity is known by (issuer, subject) only.
 * The first sign-in links it when the provider vouches for the e-mail (`email_verified: true`) AND an
 * admin made a link for that account (see allow-oidc-link.ts); a matching e-mail alone is never enough —
 * whoever controls an address at some provider must not become the account of that address.
 */
export async function resolveOidcSignIn(claims: OidcClaims): Promise<{ userId: string } | { refused: "unverified_email" | "not_linked" }> {
  const db = await getDb();
  const [known] = await db
    .select({ userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, claims.issuer), eq(oidcIdentities.subject, claims.subject)));
  if (known) return known;
  if (claims.emailVerified !== true) return { refused: "unverified_email" };
  const email = claims.email?.trim().toLowerCase();
  if (!email) return { refused: "not_linked" };
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: oidcIdentities.id, userId: oidcIdentities.userId })
      .from(oidcIdentities)
      .innerJoin(users, eq(users.id, oidcIdentities.userId))
      .where(and(eq(oidcIdentities.issuer, claims.issuer), isNull(oidcIdentities.subject), sql`lower(${users.email}) = ${email}`))
      .for("update");
    if (!pending) return { refused: "not_linked" as const };
    // The conditional update makes a concurrent first sign-in link once.
    const linked = await tx
      .update(oidcIdentities)
      .set({ subject: claims.subject, linkedAt: new Date() })
      .where(and(eq(oidcIdentities.id, pending.id), isNull(oidcIdentities.subject)))
      .returning({ id: oidcIdentities.id });
    if (linked.length !== 1) return { refused: "not_linked" as const };
    await recordAudit(
      {
        actor: { kind: "anonymous", id: null, label: email },
        orgId: null,
        action: "auth.oidc_linked",
        target: { type: "user", id: pending.userId, label: email },
        summary: { issuer: claims.issuer },
      },
      tx,
    );
    return { userId: pending.userId };
  });
}
