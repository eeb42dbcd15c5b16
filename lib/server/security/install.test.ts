import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { memberships, oidcIdentities, organizations, setupTokens, users } from "@/lib/db/schema";
import { ensureLocalSecrets } from "@/lib/env/local-secrets";
import { issueSetupToken } from "@/lib/server/install/issue-setup-token";
import { completeSetup } from "@/lib/server/install/complete-setup";
import { hasAnyAdmin } from "@/lib/server/install/install-state";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { sha256 } from "@/lib/crypto/tokens";
import { resolveOidcSignIn } from "@/lib/server/sign-in/resolve-oidc-sign-in";
import { allowOidcLink } from "@/lib/server/sign-in/allow-oidc-link";
import { actorForUser } from "@/lib/server/identity/resolve-actor";
import { AppError } from "@/lib/server/errors";
import { call, createTestKey } from "@/lib/testing/api";
import * as oidcLink from "@/app/api/v1/orgs/[org]/members/[userId]/oidc-link/route";

// A real install: no demo seed.
const t = useTestDatabase({ seed: false });
const ADMIN = { orgName: "Initech Payments", email: "Founder@Initech.example", name: "Peter", password: "correct horse battery" };

const fieldsOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return Object.fromEntries(((err as AppError).fieldErrors ?? []).map((f) => [f.path, f.message]));
};

describe("a real install (security)", () => {
  it("has no people and no known password until the setup token creates the first admin", async () => {
    expect(await t.db.select().from(users)).toEqual([]);
    expect(await hasAnyAdmin(t.db)).toBe(false);
    const token = await issueSetupToken(t.db);
    expect(token).toMatch(/^wcsetup_/);
    // Only the hash is stored.
    const stored = await t.db.select().from(setupTokens);
    expect(stored.map((r) => r.tokenHash)).toEqual([sha256(token!)]);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await fieldsOf(completeSetup({ ...ADMIN, token: "wcsetup_guess" }))).toMatchObject({ token: expect.stringContaining("not valid") });
    expect(await fieldsOf(completeSetup({ ...ADMIN, token, password: "short" }))).toMatchObject({ password: "Use at least 12 characters." });
    expect(await t.db.select().from(users)).toEqual([]); // nothing stored on bad input

    const { org, user } = await completeSetup({ ...ADMIN, token });
    expect(org).toMatchObject({ slug: "initech-payments", name: "Initech Payments" });
    expect(user.email).toBe("founder@initech.example");
    const actor = await actorForUser(user.id, org.slug);
    expect(actor?.roles).toEqual(["admin"]);
    expect(await verifyCredentials("founder@initech.example", ADMIN.password, "127.0.0.1")).toMatchObject({ id: user.id });
    // The token is spent, and so is the setup step: a second token holder gets nowhere.
    expect(await t.db.select().from(setupTokens)).toEqual([]);
    await expect(completeSetup({ ...ADMIN, email: "second@initech.example", token })).rejects.toThrow("already set up");
    expect(await issueSetupToken(t.db)).toBeNull();
  });

  it("refuses an expired setup token", async () => {
    await t.db.delete(memberships);
    const token = await issueSetupToken(t.db, new Date(Date.now() - 25 * 60 * 60_000));
    expect(await fieldsOf(completeSetup({ ...ADMIN, email: "late@initech.example", token }))).toHaveProperty("token");
    // Restore the admin for the tests below.
    const [founder] = await t.db
      .select()
      .from(users)
      .where(sql`email = 'founder@initech.example'`);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, "initech-payments"));
    await t.db.insert(memberships).values({ orgId: org.id, userId: founder.id, roles: ["admin"] });
  });

  it("keeps the embedded data directory 0700 and its secrets file 0600", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-install-"));
    const dataDir = path.join(dir, "data");
    ensureLocalSecrets(dataDir);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    // A directory an older version left readable to others is tightened at the next start.
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, "secrets.json"), 0o644);
    const again = ensureLocalSecrets(dataDir);
    expect(again.ENCRYPTION_KEY).toHaveLength(44);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("OIDC account linking (security)", () => {
  const issuer = "https://idp.example.com";

  it("never links by e-mail alone; links by (issuer, subject) after an admin-made link and a verified e-mail", async () => {
    const [founder] = await t.db
      .select()
      .from(users)
      .where(sql`email = 'founder@initech.example'`);
    // Someone who controls that address at the provider, before any admin link: refused.
    expect(await resolveOidcSignIn({ issuer, subject: "attacker-sub", email: "founder@initech.example", emailVerified: true })).toEqual({
      refused: "not_linked",
    });
    const admin = (await actorForUser(founder.id, "initech-payments"))!;
    await allowOidcLink({ actor: admin, userId: founder.id, issuer });
    // An unverified e-mail does not use the link.
    expect(await resolveOidcSignIn({ issuer, subject: "real-sub", email: "founder@initech.example", emailVerified: false })).toEqual({
      refused: "unverified_email",
    });
    expect(await resolveOidcSignIn({ issuer, subject: "real-sub", email: "founder@initech.example", emailVerified: "true" })).toEqual({
      refused: "unverified_email",
    });
    // The first verified sign-in links the identity…
    expect(await resolveOidcSignIn({ issuer, subject: "real-sub", email: "Founder@initech.example", emailVerified: true })).toEqual({ userId: founder.id });
    // …and from then on the subject decides, not the e-mail: a second subject with the same address is refused,
    expect(await resolveOidcSignIn({ issuer, subject: "attacker-sub", email: "founder@initech.example", emailVerified: true })).toEqual({
      refused: "not_linked",
    });
    // while the linked subject signs in even after changing its e-mail at the provider.
    expect(await resolveOidcSignIn({ issuer, subject: "real-sub", email: "peter@elsewhere.example", emailVerified: false })).toEqual({ userId: founder.id });
    // Another issuer's identical subject is a different identity.
    expect(
      await resolveOidcSignIn({ issuer: "https://other-idp.example.com", subject: "real-sub", email: "founder@initech.example", emailVerified: true }),
    ).toEqual({ refused: "not_linked" });
    const rows = await t.db.select().from(oidcIdentities);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ issuer, subject: "real-sub", userId: founder.id });
  });

  it("lets only an admin of the member's org make a link", async () => {
    const [founder] = await t.db
      .select()
      .from(users)
      .where(sql`email = 'founder@initech.example'`);
    const admin = (await actorForUser(founder.id, "initech-payments"))!;
    await expect(allowOidcLink({ actor: { ...admin, roles: ["viewer"] }, userId: founder.id, issuer })).rejects.toThrow("members.manage");
    await expect(allowOidcLink({ actor: { ...admin, orgId: "00000000-0000-0000-0000-000000000000" }, userId: founder.id, issuer })).rejects.toThrow(
      "No such member",
    );
    // Over the API: admins only, and only when OIDC is configured.
    const params = { org: "initech-payments", userId: founder.id };
    const viewerKey = await createTestKey("initech-payments", ["viewer"]);
    expect((await call(oidcLink.POST, { method: "POST", params, key: viewerKey, path: `/members/${founder.id}/oidc-link` })).status).toBe(403);
    const adminKey = await createTestKey("initech-payments", ["admin"]);
    const res = await call(oidcLink.POST, { method: "POST", params, key: adminKey, path: `/members/${founder.id}/oidc-link` });
    expect(res.status).toBe(409);
    expect(res.json.detail ?? res.json.title).toContain("not configured");
  });
});

describe("npm run cli -- admin create (security)", () => {
  it("reads the password from stdin, never argv, and creates a working admin", async () => {
    const { spawnSync } = await import("node:child_process");
    const { openEmbedded } = await import("@/lib/db/open");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-cli-"));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "test" };
    const run = (args: string[], input: string) =>
      spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/cli.ts", ...args], { env, input, encoding: "utf8", timeout: 120_000 });
    const short = run(["admin", "create", "--org", "initech", "--email", "ops@initech.example"], "too-short\n");
    expect(short.status).toBe(2);
    expect(short.stderr).toContain("password: Use at least 12 characters.");
    const ok = run(["admin", "create", "--org", "initech", "--org-name", "Initech", "--email", "ops@initech.example"], "a long enough password\n");
    expect(ok.stderr).toContain("Admin ops@initech.example of initech (Initech) created");
    expect(ok.status).toBe(0);
    const handle = await openEmbedded(dataDir);
    try {
      const [row] = await handle.db
        .select({ roles: memberships.roles, hash: users.passwordHash })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(eq(users.email, "ops@initech.example"));
      expect(row.roles).toEqual(["admin"]);
      expect(row.hash).toMatch(/^scrypt\$/);
    } finally {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
