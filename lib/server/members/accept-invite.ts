import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { invites, memberships, oidcIdentities, organizations, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { sha256 } from "@/lib/crypto/tokens";
import { hashPassword } from "@/lib/crypto/password";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { newPasswordSchema, type AcceptInviteInput } from "@/lib/schemas/members";
import { recordAudit } from "../audit/record-audit";
import { AppError, conflict, invalid, notFound } from "../errors";

const unusable = () => notFound("This invitation link cannot be used: it was already used, revoked, or it expired. Ask for a new one.");

/** What the accept page shows for a token; the same "cannot be used" for unknown, used, revoked and expired links. */
export async function findInvite(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      email: invites.email,
      name: invites.name,
      roles: invites.roles,
      orgName: organizations.name,
      expiresAt: invites.expiresAt,
      awaitingApproval: invites.awaitingApproval,
      acceptedAt: invites.acceptedAt,
      revokedAt: invites.revokedAt,
    })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.orgId))
    .where(eq(invites.tokenHash, sha256(token)));
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { email: row.email, name: row.name, roles: row.roles, orgName: row.orgName, expiresAt: row.expiresAt, awaitingApproval: row.awaitingApproval };
}

/**
 * Accepts an invitation once. A new account gets the password the invitee chooses here; an existing account joins
 * only with its own password (throttled like sign-in) or when its owner is signed in. Nobody else ever sees it.
 */
export async function acceptInvite({
  input,
  signedInUserId,
  clientAddress,
}: {
  input: AcceptInviteInput;
  signedInUserId?: string | null;
  clientAddress: string;
}) {
  const found = await findInvite(input.token);
  if (!found) throw unusable();
  if (found.awaitingApproval) throw conflict("This invitation grants the approver role and is waiting for a second approver. Try again once it is approved.");
  const db = await getDb();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${found.email}`);
  let userId = existing?.id;
  if (existing && existing.id !== signedInUserId) {
    const verified = await verifyCredentials(found.email, input.password, clientAddress);
    if (verified && "rateLimited" in verified)
      throw new AppError("rate_limited", "Too many attempts. Wait a little and try again.", undefined, verified.retryAfterMs / 1000);
    if (!verified)
      throw invalid([
        { path: "password", message: "This e-mail already has an account: enter its password, or sign in as that person and open the link again." },
      ]);
  }
  const passwordHash = existing ? null : await hashPassword(parseNewPassword(input.password));

  return db.transaction(async (tx) => {
    // The conditional update is the single use: of two concurrent accepts, one sees the row.
    const [invite] = await tx
      .update(invites)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invites.tokenHash, sha256(input.token)),
          isNull(invites.acceptedAt),
          isNull(invites.revokedAt),
          eq(invites.awaitingApproval, false),
          sql`${invites.expiresAt} > now()`,
        ),
      )
      .returning();
    if (!invite) throw unusable();
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email: invite.email, name: input.name || invite.name || invite.email.split("@")[0], passwordHash })
        .returning({ id: users.id });
      userId = created.id;
    }
    await tx.update(invites).set({ acceptedUserId: userId }).where(eq(invites.id, invite.id));
    const [member] = await tx
      .select({ roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.orgId, invite.orgId), eq(memberships.userId, userId)));
    if (member) throw conflict("You are already a member of this organization.");
    await tx.insert(memberships).values({ orgId: invite.orgId, userId, roles: invite.roles });
    // An accepted invite counts as the link DESIGN §7 asks for: this person's first OIDC sign-in with a verified
    // e-mail links (issuer, subject) to the account (resolve-oidc-sign-in.ts); the e-mail alone never does.
    const issuer = env().OIDC_ISSUER;
    if (issuer)
      await tx
        .insert(oidcIdentities)
        .values({ userId, issuer, createdBy: `invite from ${invite.invitedByLabel}` })
        .onConflictDoNothing();
    await recordAudit(
      {
        actor: { kind: "user", id: userId, label: invite.email },
        orgId: invite.orgId,
        action: "member.joined",
        target: { type: "user", id: userId, label: invite.email },
        summary: { roles: invite.roles, inviteId: invite.id, invitedBy: invite.invitedByLabel, newAccount: !existing },
      },
      tx,
    );
    return { email: invite.email, newAccount: !existing };
  });
}

function parseNewPassword(password: string) {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) throw invalid([{ path: "password", message: parsed.error.issues[0].message }]);
  return parsed.data;
}
