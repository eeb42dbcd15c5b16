import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditLog, memberships, users } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { recordAudit } from "@/lib/server/audit/record-audit";

export const MAX_FAILED_LOGINS = 5;
const WINDOW_MS = 15 * 60_000;
let dummyHash: Promise<string> | undefined;

/** Failed attempts are counted from the audit log, so the limit holds across processes. */
export async function verifyCredentials(emailRaw: string, password: string, ip: string) {
  const email = emailRaw.trim().toLowerCase();
  if (!email || !password) return null;
  const db = await getDb();
  const [{ failures }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, "auth.sign_in_failed"), eq(auditLog.targetLabel, email), gte(auditLog.createdAt, new Date(Date.now() - WINDOW_MS))));
  if (failures >= MAX_FAILED_LOGINS) return "rate_limited" as const;
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  // Hash even for unknown emails so timing does not reveal which accounts exist.
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await (dummyHash ??= hashPassword("x")));
  if (!user || !ok) {
    const [membership] = user ? await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id)) : [];
    await recordAudit({ actor: { kind: "anonymous", id: null, label: ip }, orgId: membership?.orgId ?? null, action: "auth.sign_in_failed", target: { type: "user", id: user?.id ?? null, label: email } });
    return null;
  }
  return { id: user.id, email: user.email, name: user.name };
}

export async function userIdForEmail(email: string): Promise<string | null> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user?.id ?? null;
}
