import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { signInFailures, users } from "@/lib/db/schema";
import { DEMO_LOG_N, hashPassword, passwordHashLogN, PRODUCTION_LOG_N } from "@/lib/crypto/password";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { delayAfter, recordSignInFailure, signInWaitMs, THROTTLE, throttleKeys } from "@/lib/server/sign-in/sign-in-throttle";

const t = useTestDatabase();
const PASSWORD = "demo-password-1";

describe("sign-in throttling (security)", () => {
  it("slows the attacker's address for one account; the real user at another address signs in at once", async () => {
    for (let i = 0; i < THROTTLE.accountFree; i++) expect(await verifyCredentials("viewer@example.com", "wrong", "10.0.0.2")).toBeNull();
    // The attacker's next try, even with the right password, waits: a delay, not a verdict.
    const limited = await verifyCredentials("viewer@example.com", PASSWORD, "10.0.0.2");
    expect(limited).toMatchObject({ rateLimited: true });
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(THROTTLE.baseDelayMs - 2_000);
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(THROTTLE.baseDelayMs);
    // The real user, elsewhere, is not refused because of someone else's failures.
    expect(await verifyCredentials("viewer@example.com", PASSWORD, "10.0.0.3")).toMatchObject({ email: "viewer@example.com" });
    // The audit log keeps every failure, without the password tried.
    const admin = await createTestKey("acme", ["admin"]);
    const log = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?action=auth.sign_in_failed" });
    expect(log.json.total).toBeGreaterThanOrEqual(THROTTLE.accountFree);
    expect(log.json.items[0]).toMatchObject({ actorLabel: "10.0.0.2", targetLabel: "viewer@example.com" });
    expect(log.text).not.toContain("wrong");
  });

  it("grows the delay with each failure and caps it, and a counter expires", async () => {
    expect(delayAfter(THROTTLE.accountFree - 1, THROTTLE.accountFree)).toBe(0);
    expect(delayAfter(THROTTLE.accountFree, THROTTLE.accountFree)).toBe(15_000);
    expect(delayAfter(THROTTLE.accountFree + 1, THROTTLE.accountFree)).toBe(30_000);
    expect(delayAfter(THROTTLE.accountFree + 20, THROTTLE.accountFree)).toBe(THROTTLE.maxDelayMs);
    const keys = throttleKeys("nobody@example.com", "10.9.9.9");
    const t0 = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < THROTTLE.accountFree + 1; i++) await recordSignInFailure(keys, new Date(t0.getTime() + i));
    expect(await signInWaitMs(keys, new Date(t0.getTime() + 10))).toBeGreaterThan(15_000); // second delay: 30 s
    expect(await signInWaitMs(keys, new Date(t0.getTime() + 31_000))).toBe(0); // a delay passes; no lock
    // An hour without failures forgets the counter: the next failure is the first again.
    await recordSignInFailure(keys, new Date(t0.getTime() + THROTTLE.ttlMs + 1_000));
    const [row] = await t.db.select().from(signInFailures).where(eq(signInFailures.key, keys.account));
    expect(row.failures).toBe(1);
    expect(row.blockedUntil).toBeNull();
  });

  it("treats unknown e-mails exactly like known ones", async () => {
    for (let i = 0; i < THROTTLE.accountFree; i++) expect(await verifyCredentials("ghost@example.com", "wrong", "10.0.0.4")).toBeNull();
    expect(await verifyCredentials("ghost@example.com", "wrong", "10.0.0.4")).toMatchObject({ rateLimited: true });
    // Same cost: the unknown e-mail runs the same password hash (within generous bounds on a shared machine).
    const time = async (email: string) => {
      const start = performance.now();
      await verifyCredentials(email, "wrong", "10.0.0.5");
      return performance.now() - start;
    };
    await time("approver@example.com");
    const known = Math.min(await time("approver@example.com"), await time("approver@example.com"));
    const unknown = Math.min(await time("nobody-here@example.com"), await time("nobody-here@example.com"));
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it("spends a per-address budget across accounts", async () => {
    const address = "10.0.0.6";
    for (let i = 0; i < THROTTLE.addressFree; i++) expect(await verifyCredentials(`spray${i}@example.com`, "wrong", address)).toBeNull();
    // A fresh account from the same address now waits too…
    expect(await verifyCredentials("tester@example.com", PASSWORD, address)).toMatchObject({ rateLimited: true });
    // …while the same account from anywhere else does not.
    expect(await verifyCredentials("tester@example.com", PASSWORD, "10.0.0.7")).toMatchObject({ email: "tester@example.com" });
  });

  it("believes X-Forwarded-For only behind the configured number of proxies", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 0)).toBe("127.0.0.2"); // default: the socket, whatever the client claims
    expect(clientAddress(headers, 1)).toBe("203.0.113.9"); // the address our one proxy saw
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "127.0.0.3" }), 1)).toBe("127.0.0.3");
  });
});

describe("password hashing (security)", () => {
  it("upgrades an older, weaker hash at the next successful sign-in", async () => {
    // The format and cost main wrote before: scrypt$16384$salt$hash.
    const crypto = await import("node:crypto");
    const salt = crypto.randomBytes(16);
    const old = `scrypt$16384$${salt.toString("base64")}$${crypto.scryptSync("old-password-123", salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64")}`;
    const [user] = await t.db.insert(users).values({ email: "legacy@example.com", name: "Legacy", passwordHash: old }).returning();
    const saved = process.env.TEST_PASSWORD_HASH_LOG_N;
    delete process.env.TEST_PASSWORD_HASH_LOG_N; // the production cost for this one test
    try {
      expect(passwordHashLogN()).toBe(PRODUCTION_LOG_N);
      expect(await verifyCredentials("legacy@example.com", "old-password-123", "10.0.1.1")).toMatchObject({ id: user.id });
      const [after] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
      expect(after.hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    } finally {
      process.env.TEST_PASSWORD_HASH_LOG_N = saved;
    }
  });

  it("hashes at 2^17 in a real install and cheaply only in the demo, whose passwords are public", () => {
    const saved = { test: process.env.TEST_PASSWORD_HASH_LOG_N, demo: process.env.DEMO };
    delete process.env.TEST_PASSWORD_HASH_LOG_N;
    try {
      expect(passwordHashLogN()).toBe(17);
      process.env.DEMO = "true";
      expect(passwordHashLogN()).toBe(DEMO_LOG_N);
      process.env.DEMO = "false";
      expect(passwordHashLogN()).toBe(17);
    } finally {
      process.env.TEST_PASSWORD_HASH_LOG_N = saved.test;
      if (saved.demo === undefined) delete process.env.DEMO;
      else process.env.DEMO = saved.demo;
    }
  });

  it("refuses the test-only lower cost in production", async () => {
    const env = process.env as Record<string, string | undefined>;
    const saved = env.NODE_ENV;
    env.NODE_ENV = "production";
    try {
      await expect(hashPassword("whatever-password")).rejects.toThrow("TEST_PASSWORD_HASH_LOG_N is for tests only");
    } finally {
      env.NODE_ENV = saved;
    }
  });

  it("stores no password or counter secrets in the throttle table", async () => {
    const rows = await t.db
      .select()
      .from(signInFailures)
      .where(sql`${signInFailures.key} like 'acct:viewer@example.com|%'`);
    expect(JSON.stringify(rows)).not.toContain("wrong");
  });
});
