// Invites as one-time links (issue 9): the inviter never learns a password, and a link works once, for 72 hours.
import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { asResponse, person } from "@/lib/testing/people";
import { changeRequests, invites, memberships, users } from "@/lib/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { DEMO_PASSWORD } from "@/lib/db/seed";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { resolveOidcSignIn } from "@/lib/server/sign-in/resolve-oidc-sign-in";
import * as members from "@/app/api/v1/orgs/[org]/members/route";
import * as invitesRoute from "@/app/api/v1/orgs/[org]/invites/route";
import * as invite from "@/app/api/v1/orgs/[org]/invites/[id]/route";

const testDb = useTestDatabase();
const api = approvalsApi();
const acme = { org: "acme" };
afterEach(async () => {
  await api.resetApprovals();
  await testDb.db.delete(changeRequests);
});

const inviteAs = (key: string, body: Record<string, unknown>) => call(members.POST, { method: "POST", params: acme, key, body });
const tokenOf = (path: string) => path.replace("/invite/", "");
const accept = (token: string, password: string, extra: { signedInUserId?: string; name?: string } = {}) =>
  asResponse(() =>
    acceptInvite({ input: { token, password, ...(extra.name ? { name: extra.name } : {}) }, signedInUserId: extra.signedInUserId, clientAddress: "127.0.0.9" }),
  );
const memberEmails = async (admin: string) => ((await call(members.GET, { params: acme, key: admin })).json.items as { email: string }[]).map((m) => m.email);

describe("invites", () => {
  it("an accepted invite is the link for OpenID Connect: the invitee's first verified sign-in links, the e-mail alone never does", async () => {
    const issuer = "https://idp.example.com";
    const g = globalThis as { __wcEnv?: unknown };
    const saved = { issuer: process.env.OIDC_ISSUER, env: g.__wcEnv };
    process.env.OIDC_ISSUER = issuer;
    g.__wcEnv = undefined;
    try {
      const admin = await createTestKey("acme", ["admin"]);
      // Invited but not yet accepted: a verified e-mail at the provider is not enough.
      const res = await inviteAs(admin, { email: "oidc.hire@example.com", roles: ["viewer"] });
      expect(await resolveOidcSignIn({ issuer, subject: "sub-1", email: "oidc.hire@example.com", emailVerified: true })).toEqual({ refused: "not_linked" });
      expect((await accept(tokenOf(res.json.invitePath), "chosen-by-the-invitee")).status).toBe(200);
      const [user] = await testDb.db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = 'oidc.hire@example.com'`);
      expect(await resolveOidcSignIn({ issuer, subject: "sub-1", email: "oidc.hire@example.com", emailVerified: false })).toEqual({
        refused: "unverified_email",
      });
      expect(await resolveOidcSignIn({ issuer, subject: "sub-1", email: "oidc.hire@example.com", emailVerified: true })).toEqual({ userId: user.id });
      // Linked by (issuer, subject): another subject with the same address is refused.
      expect(await resolveOidcSignIn({ issuer, subject: "sub-2", email: "oidc.hire@example.com", emailVerified: true })).toEqual({ refused: "not_linked" });
    } finally {
      if (saved.issuer === undefined) delete process.env.OIDC_ISSUER;
      else process.env.OIDC_ISSUER = saved.issuer;
      g.__wcEnv = saved.env;
    }
  });

  it("are one-time links: hashed at rest, listed as Invited, and the invitee sets their own password", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const res = await inviteAs(admin, { email: "New.Hire@Example.com", roles: ["tester"] });
    expect(res.status).toBe(201);
    expect(res.text).not.toMatch(/password/i);
    expect(res.json.invite).toMatchObject({ email: "new.hire@example.com", roles: ["tester"], awaitingApproval: false });
    const hours = (Date.parse(res.json.invite.expiresAt) - Date.parse(res.json.invite.createdAt)) / 3_600_000;
    expect(Math.round(hours)).toBe(72);
    const token = tokenOf(res.json.invitePath);
    const [stored] = await testDb.db.select().from(invites).where(eq(invites.id, res.json.invite.id));
    expect(stored.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    // Nothing exists until the invitee accepts.
    expect(
      await testDb.db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = 'new.hire@example.com'`),
    ).toEqual([]);
    const listed = await call(invitesRoute.GET, { params: acme, key: admin });
    expect(listed.json.items.map((i: { email: string }) => i.email)).toContain("new.hire@example.com");
    expect(listed.text).not.toContain(token);

    expect((await accept(token, "short")).json.errors[0].path).toBe("password");
    const ok = await accept(token, "my-own-chosen-password", { name: "New Hire" });
    expect(ok.status).toBe(200);
    expect(await verifyCredentials("new.hire@example.com", "my-own-chosen-password", "127.0.0.9")).toMatchObject({ email: "new.hire@example.com" });
    expect(await memberEmails(admin)).toContain("new.hire@example.com");
    expect((await call(invitesRoute.GET, { params: acme, key: admin })).json.items).toEqual([]);

    // Single use.
    expect((await accept(token, "another-password-123")).status).toBe(404);
  });

  it("expire after 72 hours, and a revoked link stops working at once", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const expired = await inviteAs(admin, { email: "late@example.com", roles: ["viewer"] });
    await testDb.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, expired.json.invite.id));
    expect((await accept(tokenOf(expired.json.invitePath), "a-long-enough-password")).status).toBe(404);

    const revoked = await inviteAs(admin, { email: "revoked@example.com", roles: ["viewer"] });
    const del = await call(invite.DELETE, { method: "DELETE", params: { org: "acme", id: revoked.json.invite.id }, key: admin });
    expect(del.status).toBe(204);
    expect((await accept(tokenOf(revoked.json.invitePath), "a-long-enough-password")).status).toBe(404);
    expect((await call(invite.DELETE, { method: "DELETE", params: { org: "acme", id: revoked.json.invite.id }, key: admin })).status).toBe(404);
    expect(
      (await call(invite.DELETE, { method: "DELETE", params: { org: "globex", id: revoked.json.invite.id }, key: await createTestKey("globex", ["admin"]) }))
        .status,
    ).toBe(404);
    expect(await memberEmails(admin)).not.toContain("revoked@example.com");
  });

  it("answer the same whether or not the e-mail has an account; an existing account joins only with its own password", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const known = await inviteAs(admin, { email: "admin@globex.example.com", roles: ["viewer"] });
    const unknown = await inviteAs(admin, { email: "nobody.yet@example.com", roles: ["viewer"] });
    expect(known.status).toBe(unknown.status);
    const shape = (r: typeof known) => Object.keys(r.json).sort().join() + Object.keys(r.json.invite).sort().join();
    expect(shape(known)).toBe(shape(unknown));
    expect(await memberEmails(admin)).not.toContain("admin@globex.example.com");

    const token = tokenOf(known.json.invitePath);
    const guessed = await accept(token, "the-inviter-guesses-this");
    expect(guessed.status).toBe(422);
    expect(await memberEmails(admin)).not.toContain("admin@globex.example.com");
    // The account's password did not change either.
    expect(await verifyCredentials("admin@globex.example.com", DEMO_PASSWORD, "127.0.0.8")).toMatchObject({ email: "admin@globex.example.com" });

    expect((await accept(token, DEMO_PASSWORD)).status).toBe(200);
    expect(await memberEmails(admin)).toContain("admin@globex.example.com");
  });

  it("an existing account signed in as itself accepts without typing its password", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const [globexAdmin] = await testDb.db.select().from(users).where(eq(users.email, "admin@globex.example.com"));
    await testDb.db.delete(memberships).where(eq(memberships.userId, globexAdmin.id)).execute();
    const res = await inviteAs(admin, { email: "admin@globex.example.com", roles: ["viewer"] });
    expect((await accept(tokenOf(res.json.invitePath), "", { signedInUserId: globexAdmin.id })).status).toBe(200);
  });

  it("inviting an approver while approvals are on waits for another approver before the link works", async () => {
    const adminPerson = await person("admin@example.com");
    const admin = await createTestKey("acme", ["admin"]);
    await api.setApprovals(admin, { create: true });
    const res = await inviteAs(admin, { email: "stand.in@example.com", roles: ["approver"] });
    expect(res.status).toBe(202);
    expect(res.json.invite.awaitingApproval).toBe(true);
    const token = tokenOf(res.json.invitePath);
    expect((await accept(token, "stand-in-password-1")).status).toBe(409);
    const cr = (await api.get(admin, res.json.changeRequestId)).json;
    expect(cr).toMatchObject({ targetKind: "invite", status: "pending" });
    expect(cr.changes.find((c: { field: string }) => c.field === "roles")).toMatchObject({ added: ["approver"] });

    expect((await api.approve(adminPerson, res.json.changeRequestId)).status).toBe(403);
    expect((await api.approve(await person("approver@example.com"), res.json.changeRequestId)).status).toBe(200);
    expect((await accept(token, "stand-in-password-1")).status).toBe(200);
    expect((await person("stand.in@example.com")).roles).toEqual(["approver"]);
  });

  it("a rejected approver invite can never be accepted", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    await api.setApprovals(admin, { delete: true });
    const res = await inviteAs(admin, { email: "second.stand.in@example.com", roles: ["approver", "viewer"] });
    expect(res.status).toBe(202);
    expect((await api.reject(await person("approver@example.com"), res.json.changeRequestId, "Who is this?")).status).toBe(200);
    expect((await accept(tokenOf(res.json.invitePath), "stand-in-password-2")).status).toBe(404);
    expect((await call(invitesRoute.GET, { params: acme, key: admin })).text).not.toContain("second.stand.in@example.com");
  });

  it("refuses an e-mail that is already a member with a field error", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const res = await inviteAs(admin, { email: "viewer@example.com", roles: ["viewer"] });
    expect(res.status).toBe(409);
    expect(res.json.errors[0].path).toBe("email");
  });
});
