import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import * as members from "@/app/api/v1/orgs/[org]/members/route";
import * as member from "@/app/api/v1/orgs/[org]/members/[userId]/route";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";

useTestDatabase();

describe("members", () => {
  it("invites with a one-time link, never a password; a member already in the org is a 409", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const res = await call(members.POST, { method: "POST", params: { org: "acme" }, key: admin, body: { email: "New.Person@Example.com", roles: ["tester"] } });
    expect(res.status).toBe(201);
    expect(res.json.invite.email).toBe("new.person@example.com");
    expect(res.json.invitePath).toMatch(/^\/invite\/wci_/);
    expect(res.text).not.toMatch(/password/i);
    const again = await call(members.POST, { method: "POST", params: { org: "acme" }, key: admin, body: { email: "viewer@example.com", roles: ["viewer"] } });
    expect(again.status).toBe(409);
  });

  it("changes roles, audits it, and never removes the last admin", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const list = (await call(members.GET, { params: { org: "acme" }, key: admin })).json.items as { userId: string; email: string; roles: string[] }[];
    const tester = list.find((m) => m.email === "tester@example.com")!;
    const res = await call(member.PATCH, {
      method: "PATCH",
      params: { org: "acme", userId: tester.userId },
      key: admin,
      body: { roles: ["tester", "approver"] },
    });
    expect(res.status).toBe(200);
    expect(res.json.roles).toEqual(["tester", "approver"]);
    const log = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?action=member.roles_changed" });
    expect(log.json.items[0]).toMatchObject({
      action: "member.roles_changed",
      targetLabel: "tester@example.com",
      summary: { before: ["tester"], after: ["tester", "approver"] },
    });

    const onlyAdmin = list.find((m) => m.email === "admin@example.com")!;
    const demote = await call(member.PATCH, { method: "PATCH", params: { org: "acme", userId: onlyAdmin.userId }, key: admin, body: { roles: ["viewer"] } });
    expect(demote.status).toBe(409);
    expect(demote.json.errors[0].path).toBe("roles");
  });

  it("refuses non-admins and other orgs", async () => {
    const viewer = await createTestKey("acme", ["viewer"]);
    expect((await call(members.GET, { params: { org: "acme" }, key: viewer })).status).toBe(403);
    const globex = await createTestKey("globex", ["admin"]);
    const acmeAdmin = await createTestKey("acme", ["admin"]);
    const acmeMember = (await call(members.GET, { params: { org: "acme" }, key: acmeAdmin })).json.items[0];
    const cross = await call(member.PATCH, { method: "PATCH", params: { org: "globex", userId: acmeMember.userId }, key: globex, body: { roles: ["viewer"] } });
    expect(cross.status).toBe(404);
  });
});

// Sign-in throttling: lib/server/security/signin-throttle.test.ts

describe("audit log", () => {
  it("filters by actor, action and date, and exports CSV and JSON", async () => {
    const admin = await createTestKey("acme", ["admin"], "auditor");
    const byActor = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?actor=auditor" });
    expect(byActor.status).toBe(200);
    const future = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?from=2999-01-01" });
    expect(future.json.items).toEqual([]);
    const csv = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?format=csv" });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\r\n")[0]).toBe("createdAt,actorLabel,action,targetType,targetLabel,targetId,summary");
    const json = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?format=json" });
    expect(Array.isArray(JSON.parse(json.text))).toBe(true);
    const bad = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "?from=yesterday-ish" });
    expect(bad.status).toBe(400);
  });
});
