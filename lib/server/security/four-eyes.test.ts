// Four-eyes that holds against the requester (issue 9): each case was reproduced against main as an attack.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { addPerson, asResponse, person, personKey } from "@/lib/testing/people";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { changeRequests, memberships, organizations, webhooks } from "@/lib/db/schema";
import { updateMemberRoles } from "@/lib/server/members/update-member-roles";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import * as apiKeys from "@/app/api/v1/orgs/[org]/api-keys/route";
import * as member from "@/app/api/v1/orgs/[org]/members/[userId]/route";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";
import * as testEvent from "@/app/api/v1/orgs/[org]/webhooks/[id]/test/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as log from "@/app/api/v1/orgs/[org]/webhooks/[id]/deliveries/route";
import * as redeliver from "@/app/api/v1/orgs/[org]/deliveries/[id]/redeliver/route";

// Receivers are plain http:// on 127.0.0.1 (ALLOWED_TARGET_CIDRS in the test setup allows loopback).
process.env.ALLOW_HTTP_TARGETS = "true";
(globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;

const testDb = useTestDatabase();
const api = approvalsApi();
let live: Receiver;
let elsewhere: Receiver;

beforeAll(async () => {
  [live, elsewhere] = await Promise.all([startReceiver(), startReceiver()]);
});
afterAll(async () => {
  await live?.close();
  await elsewhere?.close();
});
afterEach(async () => {
  await api.resetApprovals();
  await testDb.db.delete(changeRequests);
  await testDb.db.delete(webhooks);
});

const acme = { org: "acme" };
const auditOf = async (key: string, qs: string) =>
  (await call(audit.GET, { params: acme, key, path: `/audit-log?count=100&${qs}` })).json.items as { action: string; actorLabel: string }[];

describe("API keys hold at most their creator's roles and never review", () => {
  it("an admin cannot mint a key with the approver role to approve their own change (the issue's first attack)", async () => {
    const admin = await person("admin@example.com");
    const adminKey = await personKey(admin, ["admin"]);
    await api.setApprovals(adminKey, { update: true });
    const { id } = (await api.createWebhook(adminKey, { url: `${live.url}/a` })).json;
    const submitted = await api.patchWebhook(adminKey, id, { url: `${live.url}/b` });
    expect(submitted.status).toBe(202);

    const minted = await call(apiKeys.POST, { method: "POST", params: acme, key: adminKey, body: { name: "stand-in", roles: ["approver"] } });
    expect(minted.status).toBe(422);
    expect(minted.json.errors[0]).toMatchObject({ path: "roles", message: expect.stringContaining("approver") });
    expect((await api.get(adminKey, submitted.json.changeRequest.id)).json.status).toBe("pending");
  });

  it("a key can never review, even with the approver role; nor can the person whose key made the request", async () => {
    const both = await addPerson("both@example.com", ["admin", "approver"]);
    const key = (await createApiKey({ actor: both, input: { name: "ci", roles: ["admin", "approver"] } })).key;
    await api.setApprovals(key, { create: true });
    const { changeRequest } = (await api.createWebhook(key, { url: `${live.url}/c` })).json;

    const byKey = await api.approve(key, changeRequest.id);
    expect(byKey.status).toBe(403);
    expect(byKey.json.detail).toContain("API key can never");
    const byCreator = await api.approve(both, changeRequest.id);
    expect(byCreator.status).toBe(403);
    expect(byCreator.json.detail).toContain("someone else");
    expect((await api.list(key, "?status=pending&reviewable=true")).json.total).toBe(0);
    expect((await api.approve(await person("approver@example.com"), changeRequest.id)).status).toBe(200);
  });

  it("acts with the creator's current roles: demoting the creator shrinks the key at once, removing them voids it", async () => {
    const second = await addPerson("second.admin@example.com", ["admin", "viewer"]);
    const key = await personKey(second, ["admin", "viewer"]);
    expect((await api.createWebhook(key, { url: `${live.url}/d` })).status).toBe(201);
    await testDb.db
      .update(memberships)
      .set({ roles: ["viewer"] })
      .where(and(eq(memberships.userId, second.id), eq(memberships.orgId, second.orgId)));
    expect((await api.createWebhook(key, { url: `${live.url}/e` })).status).toBe(403);
    expect((await api.listWebhooks(key)).status).toBe(200);
    await testDb.db.delete(memberships).where(and(eq(memberships.userId, second.id), eq(memberships.orgId, second.orgId)));
    expect((await api.listWebhooks(key)).status).toBe(401);
  });

  it("attributes every action by a key to 'key X of person Y' in the audit log and the request views", async () => {
    const admin = await person("admin@example.com");
    const key = await personKey(admin, ["admin"], "deploy-bot");
    await api.setApprovals(key, { create: true });
    const res = await api.createWebhook(key, { url: `${live.url}/f` });
    expect(res.json.changeRequest.requester.label).toBe("API key deploy-bot of admin@example.com");
    const entries = await auditOf(key, "action=change_request.submitted");
    expect(entries[0].actorLabel).toBe("API key deploy-bot of admin@example.com");
    const approved = await api.approve(await person("approver@example.com"), res.json.changeRequest.id);
    expect(approved.json.reviewer.label).toBe("approver@example.com");
  });
});

describe("while approvals are on, weakening four-eyes is itself a change request", () => {
  it("switching an approval kind off waits for another approver; switching one on applies at once", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const on = await api.setApprovals(admin, { update: true });
    expect(on.status).toBe(200);
    expect(on.json.approvals.update).toBe(true);

    const off = await api.setApprovals(admin, { update: false });
    expect(off.status).toBe(202);
    expect(off.json.changeRequest).toMatchObject({ targetKind: "settings", status: "pending" });
    expect((await api.getSettings(admin)).json.approvals.update).toBe(true);
    const detail = (await api.get(admin, off.json.changeRequest.id)).json;
    expect(detail.changes.find((c: { field: string }) => c.field === "approvals.update")).toMatchObject({
      before: "Required",
      after: "Not required",
      changed: true,
    });

    expect((await api.approve(await person("admin@example.com"), off.json.changeRequest.id)).status).toBe(403); // not an approver
    expect((await api.approve(await person("approver@example.com"), off.json.changeRequest.id)).status).toBe(200);
    expect((await api.getSettings(admin)).json.approvals.update).toBe(false);
  });

  it("granting the approver role is a change request; the member gets it only once another approver approves", async () => {
    const admin = await person("admin@example.com");
    const adminKey = await personKey(admin, ["admin"]);
    const tester = await person("tester@example.com");
    await api.setApprovals(adminKey, { delete: true });
    const res = await call(member.PATCH, {
      method: "PATCH",
      params: { org: "acme", userId: tester.id },
      key: adminKey,
      body: { roles: ["tester", "approver"] },
    });
    expect(res.status).toBe(202);
    expect(res.json.changeRequest).toMatchObject({ targetKind: "member-roles", targetId: tester.id });
    expect((await person("tester@example.com")).roles).toEqual(["tester"]);
    const rows = (await api.get(adminKey, res.json.changeRequest.id)).json.changes;
    expect(rows.find((r: { field: string }) => r.field === "roles")).toMatchObject({ added: ["approver"], changed: true });

    expect((await api.approve(admin, res.json.changeRequest.id)).status).toBe(403);
    expect((await api.approve(await person("approver@example.com"), res.json.changeRequest.id)).status).toBe(200);
    expect((await person("tester@example.com")).roles).toEqual(["tester", "approver"]);
    await testDb.db
      .update(memberships)
      .set({ roles: ["tester"] })
      .where(eq(memberships.userId, tester.id));
  });

  it("with approvals off, role changes apply at once", async () => {
    const adminKey = await createTestKey("acme", ["admin"]);
    const viewer = await person("viewer@example.com");
    const res = await call(member.PATCH, {
      method: "PATCH",
      params: { org: "acme", userId: viewer.id },
      key: adminKey,
      body: { roles: ["viewer", "approver"] },
    });
    expect(res.status).toBe(200);
    await testDb.db
      .update(memberships)
      .set({ roles: ["viewer"] })
      .where(eq(memberships.userId, viewer.id));
  });
});

describe("pre-approval checks", () => {
  it("only reviewers run them: not the requester, not a key", async () => {
    const both = await addPerson("both@example.com", ["admin", "approver"]);
    const key = await personKey(both, ["admin"]);
    const { id } = (await api.createWebhook(key, { url: `${live.url}/g` })).json;
    await api.setApprovals(key, { update: true });
    const crId = (await api.patchWebhook(key, id, { rateLimit: 7 })).json.changeRequest.id;
    const sent = live.requests.length;
    expect((await api.runChecks(key, crId)).status).toBe(403);
    expect((await api.runChecks(both, crId)).status).toBe(403);
    expect((await api.runChecks(await person("admin@example.com"), crId)).status).toBe(403);
    expect(live.requests.length).toBe(sent);
    expect((await api.runChecks(await person("approver@example.com"), crId)).status).toBe(200);
  });

  it("never send the live credential to a proposed new origin; a credential entered in the request goes instead", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const approver = await person("approver@example.com");
    const auth = { type: "api_key", header: "X-Hook-Key", key: "live-credential-0001" };
    const { id } = (await api.createWebhook(admin, { url: `${live.url}/h`, auth })).json;
    await api.setApprovals(admin, { update: true });

    // Moving the URL alone: refused outright (credential binding), or probed with no credential at all.
    const moved = await api.patchWebhook(admin, id, { url: `${elsewhere.url}/h` });
    if (moved.status === 202) {
      const before = elsewhere.requests.length;
      const ran = await api.runChecks(approver, moved.json.changeRequest.id);
      expect(ran.status).toBe(200);
      const ping = elsewhere.requests[before];
      expect(ping).toBeDefined();
      expect(ping.headers["x-hook-key"]).toBeUndefined();
      expect(JSON.stringify(elsewhere.requests)).not.toContain("live-credential-0001");
      await api.cancel(admin, moved.json.changeRequest.id);
    } else {
      expect(moved.status).toBe(422);
    }

    const withKey = await api.patchWebhook(admin, id, { url: `${elsewhere.url}/i`, auth: { ...auth, key: "new-credential-0002" } });
    expect(withKey.status).toBe(202);
    const before = elsewhere.requests.length;
    await api.runChecks(approver, withKey.json.changeRequest.id);
    expect(elsewhere.requests[before].headers["x-hook-key"]).toBe("new-credential-0002");
    expect(JSON.stringify(elsewhere.requests)).not.toContain("live-credential-0001");

    // Same origin, no new credential: the live one goes to the host it is bound to.
    await api.cancel(admin, withKey.json.changeRequest.id);
    const same = await api.patchWebhook(admin, id, { url: `${live.url}/other-path` });
    const sent = live.requests.length;
    await api.runChecks(approver, same.json.changeRequest.id);
    expect(live.requests[sent].headers["x-hook-key"]).toBe("live-credential-0001");
  });
});

describe("redelivery", () => {
  it("testers redeliver test deliveries only; a production delivery needs the admin's deliveries.redeliver", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const tester = await createTestKey("acme", ["tester"]);
    const { id: hookId } = (await api.createWebhook(admin, { url: `${live.url}/r` })).json;
    const test = await call(testEvent.POST, { method: "POST", params: { org: "acme", id: hookId }, key: tester, body: { eventType: "order.created" } });
    expect(test.status).toBe(202);
    expect((await call(events.POST, { method: "POST", params: acme, key: admin, body: { type: "order.created", data: {} } })).status).toBe(202);
    const items = (await call(log.GET, { params: { org: "acme", id: hookId }, key: tester })).json.items as { id: string; isTest: boolean }[];
    const production = items.find((d) => !d.isTest)!;
    expect(production).toBeDefined();

    expect((await call(redeliver.POST, { method: "POST", params: { org: "acme", id: test.json.delivery.id }, key: tester })).status).toBe(202);
    const refused = await call(redeliver.POST, { method: "POST", params: { org: "acme", id: production.id }, key: tester });
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toContain("deliveries.redeliver");
    expect((await call(redeliver.POST, { method: "POST", params: { org: "acme", id: production.id }, key: admin })).status).toBe(202);
  });
});

describe("the last admin", () => {
  it("two admins demoting each other at once leave exactly one admin", async () => {
    const [org] = await testDb.db.select().from(organizations).where(eq(organizations.slug, "acme"));
    const adminCount = async () =>
      (
        await testDb.db
          .select({ n: sql<number>`count(*)::int` })
          .from(memberships)
          .where(and(eq(memberships.orgId, org.id), sql`'admin' = any(${memberships.roles})`))
      )[0].n;
    const a = await person("admin@example.com");
    // Only A is an admin when each round starts; B joins as the second.
    await testDb.db
      .update(memberships)
      .set({ roles: ["viewer"] })
      .where(and(eq(memberships.orgId, org.id), sql`${memberships.userId} <> ${a.id}`, sql`'admin' = any(${memberships.roles})`));
    for (let round = 0; round < 5; round++) {
      const b = await addPerson("rival.admin@example.com", ["admin"]);
      expect(await adminCount()).toBe(2);
      const results = await Promise.all([
        asResponse(() => updateMemberRoles({ actor: a, userId: b.id, input: { roles: ["viewer"] } })),
        asResponse(() => updateMemberRoles({ actor: b, userId: a.id, input: { roles: ["viewer"] } })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await adminCount()).toBe(1);
      // Put things back: A is the admin again, B leaves.
      await testDb.db
        .update(memberships)
        .set({ roles: ["admin"] })
        .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, a.id)));
      await testDb.db.delete(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, b.id)));
    }
  });
});
