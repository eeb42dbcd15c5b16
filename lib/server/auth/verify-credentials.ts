import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/crypto/password";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { clearSignInFailures, recordSignInFailure, signInWaitMs, throttleKeys } from "@/lib/server/sign-in/sign-in-throttle";

let dummyHash: Promise<string> | undefined;

export type SignInResult = { id: string; email: string; name: string } | { rateLimited: true; retryAfterMs: number } | null;

/**
 * Password sign-in from `address` (the client address, see lib/http/client-address.ts). Throttled per
 * (account, address) and per address; unknown e-mails take the same path and the same time.
 */
export async function verifyCredentials(emailRaw: string, password: string, address: string): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase();
  if (!email || !password) return null;
  const keys = throttleKeys(email, address);
  const wait = await signInWaitMs(keys);
  if (wait > 0) return { rateLimited: true, retryAfterMs: wait };
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  // Hash even for unknown e-mails (at the same cost) so timing does not reveal which accounts exist.
  const ok = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await (dummyHash ??= hashPassword("not-a-password")));
  if (!user || !ok) {
    await recordSignInFailure(keys);
    const [membership] = user ? await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id)) : [];
    await recordAudit({
      actor: { kind: "anonymous", id: null, label: address },
      orgId: membership?.orgId ?? null,
      action: "auth.sign_in_failed",
      target: { type: "user", id: user?.id ?? null, label: email },
    });
    return null;
  }
  await clearSignInFailures(keys);
  // Hashes written at an older, weaker cost are replaced now, while the password is at hand.
  if (needsRehash(user.passwordHash!))
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, user.id));
  return { id: user.id, email: user.email, name: user.name };
}
