import "server-only";
import { and, gt, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { signInFailures } from "@/lib/db/schema";

/**
 * Sign-in throttling: growing delays, never a lock. Two counters per failure — the (account, address)
 * pair and the address alone — so a stranger's guesses slow down only the stranger: the real user,
 * signing in from their own address, has a counter of their own. Unknown e-mails count the same.
 */
export const THROTTLE = {
  /** Failures of one account from one address before delays start. */
  accountFree: 5,
  /** Failures from one address, across all accounts, before delays start. */
  addressFree: 20,
  baseDelayMs: 15_000,
  maxDelayMs: 15 * 60_000,
  /** A counter is forgotten this long after its last failure. */
  ttlMs: 60 * 60_000,
};

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `acct:${email}|${address}`, address: `addr:${address}` };
}

/** The wait after the nth failure: none within the free attempts, then 15 s doubling to 15 min. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** (failures - free));
}

/** Milliseconds until this account may be tried from this address again (0: go ahead). */
export async function signInWaitMs(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ blockedUntil: signInFailures.blockedUntil })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, [keys.account, keys.address]), gt(signInFailures.expiresAt, now), gt(signInFailures.blockedUntil, now)));
  return Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime() - now.getTime()));
}

export async function recordSignInFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  const db = await getDb();
  const expiresAt = new Date(now.getTime() + THROTTLE.ttlMs);
  for (const [key, free] of [
    [keys.account, THROTTLE.accountFree],
    [keys.address, THROTTLE.addressFree],
  ] as const) {
    const [row] = await db
      .insert(signInFailures)
      .values({ key, failures: 1, lastFailedAt: now, expiresAt })
      .onConflictDoUpdate({
        target: signInFailures.key,
        set: {
          // An expired counter starts again from one.
          failures: sql`case when ${signInFailures.expiresAt} <= ${now} then 1 else ${signInFailures.failures} + 1 end`,
          lastFailedAt: now,
          expiresAt,
        },
      })
      .returning({ failures: signInFailures.failures });
    const delay = delayAfter(row.failures, free);
    await db
      .update(signInFailures)
      .set({ blockedUntil: delay ? new Date(now.getTime() + delay) : null })
      .where(sql`${signInFailures.key} = ${key}`);
  }
  await db.delete(signInFailures).where(lte(signInFailures.expiresAt, now));
}

/** A correct password clears the pair's counter; the address budget stays (one good account must not reset it). */
export async function clearSignInFailures(keys: ThrottleKeys): Promise<void> {
  const db = await getDb();
  await db.delete(signInFailures).where(sql`${signInFailures.key} = ${keys.account}`);
}
