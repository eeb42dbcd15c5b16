import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { addPerson, person, personKey } from "@/lib/testing/people";
import { changeRequests, webhooks } from "@/lib/db/schema";
import { actorForApiKey } from "@/lib/server/identity/resolve-actor";
import { openWebhookSecret } from "../webhooks/secrets";
import * as versions from "@/app/api/v1/orgs/[org]/webhooks/[id]/versions/route";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";
import { takeDecisionNotices } from "./decision-notices";
import { countReviewable } from "./count-reviewable";

const testDb = useTestDatabase();
const api = approvalsApi();
const keys = async () => {
  const approver = await person("approver@example.com");
  // Approvers decide as people; their API key (bounded by their roles) only reads.
  return { admin: await createTestKey("acme", ["admin"]), approver, reader: await personKey(approver, ["approver"]) };
};
const auditActions = async (key: string, target: string) =>
  (
    (await call(audit.GET, { params: { org: "acme" }, key, path: `/audit-log?target=${target}&count=100` })).json.items as {
      action: string;
      summary: Record<string, unknown>;
    }[]
  ).map((e) => e.action);
const storedRequest = async (id: string) => (await testDb.db.select().from(changeRequests).where(eq(changeRequests.id, id)))[0];

afterEach(async () => {
  await api.resetApprovals();
  // Every test leaves the org's webhooks as it found them: none.
  await testDb.db.delete(changeRequests);
  await testDb.db.delete(webhooks);
});

describe("submitting and approving", () => {
  it("a creation needing approval is a pending webhook until approved, then Active", async () => {
    const { admin, approver } = await keys();
    await api.setApprovals(admin, { create: true });
    const res = await api.createWebhook(admin, { name: "Needs approval" });
    expect(res.status).toBe(202);
    const { changeRequest, webhook } = res.json;
    expect(changeRequest).toMatchObject({ action: "create", status: "pending", webhookId: webhook.id, webhookName: "Needs approval", baseVersion: 1 });
    // Generated credentials go to the requester in this response, once.
    expect(webhook.status).toBe("pending");
    expect(webhook.auth.key).toMatch(/^whk_/);
    expect(webhook.signingSecret).toMatch(/^whsec_/);

    const listed = (await api.listWebhooks(admin)).json.items.find((w: { id: string }) => w.id === webhook.id);
    expect(listed).toMatchObject({ status: "pending", pendingChangeRequestId: changeRequest.id });
    expect((await api.listWebhooks(admin)).json.activeCount).toBe(0);

    const approved = await api.approve(approver, changeRequest.id);
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: "approved", reviewer: { label: "approver@example.com" } });
    const after = (await api.getWebhook(admin, webhook.id)).json;
    expect(after).toMatchObject({ status: "active", version: 1, pendingChangeRequestId: null });
    expect(await auditActions(admin, changeRequest.id)).toEqual(
      expect.arrayContaining(["change_request.submitted", "change_request.approved", "change_request.applied"]),
    );
    expect(await auditActions(admin, webhook.id)).toEqual(expect.arrayContaining(["webhook.created", "webhook.activated"]));
  });

  it("an approved creation of a disabled webhook stays Disabled", async () => {
    const { admin, approver } = await keys();
    await api.setApprovals(admin, { create: true });
    const { changeRequest, webhook } = (await api.createWebhook(admin, { enabled: false })).json;
    expect((await api.approve(approver, changeRequest.id)).status).toBe(200);
    expect((await api.getWebhook(admin, webhook.id)).json.status).toBe("disabled");
  });

  it("an update needing approval leaves the live webhook alone, then writes a new version", async () => {
    const { admin, approver, reader } = await keys();
    const { id } = (await api.createWebhook(admin, { url: "https://old.example.com/h", rateLimit: 10 })).json;
    await api.setApprovals(admin, { update: true });
    const res = await api.patchWebhook(admin, id, { url: "https://old.example.com/v2", rateLimit: 25, version: 1 });
    expect(res.status).toBe(202);
    const crId = res.json.changeRequest.id;
    const live = (await api.getWebhook(admin, id)).json;
    expect(live).toMatchObject({ url: "https://old.example.com/h", rateLimit: 10, version: 1, pendingChangeRequestId: crId });

    const detail = (await api.get(reader, crId)).json;
    expect(detail.changes.filter((c: { changed: boolean }) => c.changed).map((c: { field: string }) => c.field)).toEqual(["url", "rateLimit"]);
    expect(detail.changes.find((c: { field: string }) => c.field === "secret:auth")).toMatchObject({ after: "unchanged" });

    expect((await api.approve(approver, crId)).status).toBe(200);
    const updated = (await api.getWebhook(admin, id)).json;
    expect(updated).toMatchObject({ url: "https://old.example.com/v2", rateLimit: 25, version: 2, pendingChangeRequestId: null });
    const history = (await call(versions.GET, { params: { org: "acme", id }, key: admin })).json.items;
    expect(history[0]).toMatchObject({ version: 2, actorLabel: expect.stringContaining("approved by") });
    // After the decision, the diff still shows what the request changed (against the version it was made on).
    const decided = (await api.get(reader, crId)).json;
    expect(decided.changes.filter((c: { changed: boolean }) => c.changed).map((c: { field: string }) => c.field)).toEqual(["url", "rateLimit"]);
  });

  it("a new credential in an update is held encrypted in the request and applied only on approval", async () => {
    const { admin, approver, reader } = await keys();
    const { id } = (await api.createWebhook(admin, { auth: { type: "api_key", header: "X-Key", key: "the-old-key-123" } })).json;
    await api.setApprovals(admin, { update: true });
    const res = await api.patchWebhook(admin, id, { auth: { type: "api_key", header: "X-Key", key: "brand-new-key-456" } });
    expect(res.status).toBe(202);
    const crId = res.json.changeRequest.id;
    const stored = await storedRequest(crId);
    expect(stored.proposedSecretsEnc).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain("brand-new-key-456");
    const detail = await api.get(reader, crId);
    expect(detail.text).not.toContain("brand-new-key-456");
    expect(detail.json.changes.find((c: { field: string }) => c.field === "secret:auth")).toMatchObject({ label: "API key", after: "changed", changed: true });
    const row = async () => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, id)))[0];
    expect(openWebhookSecret(id, "auth", (await row()).authSecretEnc)).toBe("the-old-key-123");
    expect((await api.approve(approver, crId)).status).toBe(200);
    expect(openWebhookSecret(id, "auth", (await row()).authSecretEnc)).toBe("brand-new-key-456");
  });

  it("a server-generated key for an update is shown to the requester at submission and applied on approval", async () => {
    const { admin, approver, reader } = await keys();
    const { id } = (
      await api.createWebhook(admin, { auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "c", clientSecret: "client-secret-1" } })
    ).json;
    await api.setApprovals(admin, { update: true });
    const res = await api.patchWebhook(admin, id, { auth: { type: "api_key", header: "X-Api-Key" } });
    expect(res.status).toBe(202);
    expect(res.json.generatedApiKey).toMatch(/^whk_/);
    expect((await api.get(reader, res.json.changeRequest.id)).text).not.toContain(res.json.generatedApiKey);
    expect((await api.approve(approver, res.json.changeRequest.id)).status).toBe(200);
    const row = (await testDb.db.select().from(webhooks).where(eq(webhooks.id, id)))[0];
    expect(openWebhookSecret(id, "auth", row.authSecretEnc)).toBe(res.json.generatedApiKey);
  });

  it("a deletion needing approval keeps the webhook until approved", async () => {
    const { admin, approver } = await keys();
    const { id } = (await api.createWebhook(admin)).json;
    await api.setApprovals(admin, { delete: true });
    const res = await api.deleteWebhook(admin, id);
    expect(res.status).toBe(202);
    expect(res.json.changeRequest).toMatchObject({ action: "delete", status: "pending", baseVersion: 1 });
    expect((await api.getWebhook(admin, id)).json.status).toBe("active");
    expect((await api.approve(approver, res.json.changeRequest.id)).status).toBe(200);
    expect((await api.getWebhook(admin, id)).status).toBe(404);
  });

  it("an unchanged update needs no approval and makes no request", async () => {
    const { admin } = await keys();
    const { id, rateLimit } = (await api.createWebhook(admin)).json;
    await api.setApprovals(admin, { update: true });
    const res = await api.patchWebhook(admin, id, { rateLimit });
    expect(res.status).toBe(200);
    expect((await api.list(admin, "?status=pending")).json.total).toBe(0);
  });

  it("refuses a second pending request for the same webhook with 409", async () => {
    const { admin } = await keys();
    const { id } = (await api.createWebhook(admin)).json;
    await api.setApprovals(admin, { update: true, delete: true });
    expect((await api.patchWebhook(admin, id, { rateLimit: 30 })).status).toBe(202);
    const second = await api.patchWebhook(admin, id, { rateLimit: 40 });
    expect(second.status).toBe(409);
    expect(second.json.detail).toContain("already awaiting approval");
    expect((await api.deleteWebhook(admin, id)).status).toBe(409);
    expect((await api.list(admin, "?status=pending")).json.total).toBe(1);
  });

  it("validates a change at submission: a broken rule is 422 and no request is made", async () => {
    const { admin } = await keys();
    const { id } = (await api.createWebhook(admin)).json;
    await api.setApprovals(admin, { create: true, update: true });
    expect((await api.patchWebhook(admin, id, { url: "https://10.0.0.1/h" })).status).toBe(422);
    expect((await api.createWebhook(admin, { eventTypes: ["nope.never"] })).status).toBe(422);
    expect((await api.list(admin)).json.total).toBe(0);
  });
});

describe("who decides", () => {
  it("refuses self-approval through a forged API call with 403, audited, and the request stays pending", async () => {
    const both = await createTestKey("acme", ["admin", "approver"]);
    await api.setApprovals(both, { create: true });
    const { changeRequest } = (await api.createWebhook(both)).json;
    const res = await api.approve(both, changeRequest.id);
    expect(res.status).toBe(403);
    expect((res as { headers?: Headers }).headers?.get("content-type")).toBe("application/problem+json");
    expect(res.json.detail).toContain("API key can never");
    expect((await api.reject(both, changeRequest.id)).status).toBe(403);
    const denied = (await call(audit.GET, { params: { org: "acme" }, key: both, path: "/audit-log?action=permission.denied&count=100" })).json.items;
    expect(denied.some((e: { targetLabel: string }) => e.targetLabel.includes(`/change-requests/${changeRequest.id}/approve`))).toBe(true);
    expect((await api.get(both, changeRequest.id)).json.status).toBe("pending");
  });

  it.each([["tester"], ["viewer"], ["admin"]] as const)("a %s cannot approve or reject (403)", async (role) => {
    const { admin } = await keys();
    const key = await createTestKey("acme", [role]);
    await api.setApprovals(admin, { create: true });
    const { changeRequest } = (await api.createWebhook(admin)).json;
    expect((await api.approve(key, changeRequest.id)).status).toBe(403);
    expect((await api.reject(key, changeRequest.id)).status).toBe(403);
    expect((await api.get(key, changeRequest.id)).json.status).toBe("pending");
  });

  it("concurrent approve and reject: exactly one transition wins", async () => {
    const { admin } = await keys();
    const approverA = await person("approver@example.com");
    const approverB = await addPerson("approver2@example.com", ["approver"]);
    await api.setApprovals(admin, { delete: true });
    for (let i = 0; i < 4; i++) {
      const { id } = (await api.createWebhook(admin, { enabled: false })).json;
      const crId = (await api.deleteWebhook(admin, id)).json.changeRequest.id;
      const [a, r] = await Promise.all([api.approve(approverA, crId), api.reject(approverB, crId, "Race")]);
      expect([a.status, r.status].sort()).toEqual([200, 409]);
      const final = (await api.get(admin, crId)).json;
      expect(final.status).toBe(a.status === 200 ? "approved" : "rejected");
      expect((await api.getWebhook(admin, id)).status).toBe(a.status === 200 ? 404 : 200);
      const decisions = (await auditActions(admin, crId)).filter((x) => x === "change_request.approved" || x === "change_request.rejected");
      expect(decisions).toHaveLength(1);
      if (a.status === 200) await api.deleteWebhook(admin, id).catch(() => {});
    }
  });

  it("two approvers at once: one applies, the other gets 409", async () => {
    const { admin } = await keys();
    const approverA = await person("approver@example.com");
    const approverB = await addPerson("approver2@example.com", ["approver"]);
    const { id } = (await api.createWebhook(admin, { rateLimit: 10 })).json;
    await api.setApprovals(admin, { update: true });
    const crId = (await api.patchWebhook(admin, id, { rateLimit: 11 })).json.changeRequest.id;
    const results = await Promise.all([api.approve(approverA, crId), api.approve(approverB, crId)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await api.getWebhook(admin, id)).json).toMatchObject({ rateLimit: 11, version: 2 });
  });

  it("only the requester cancels; a cancelled creation leaves no pending webhook", async () => {
    const { admin } = await keys();
    const otherAdmin = await createTestKey("acme", ["admin"]);
    await api.setApprovals(admin, { create: true });
    const { changeRequest, webhook } = (await api.createWebhook(admin)).json;
    expect((await api.cancel(otherAdmin, changeRequest.id)).status).toBe(403);
    const res = await api.cancel(admin, changeRequest.id);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("cancelled");
    expect((await api.getWebhook(admin, webhook.id)).status).toBe(404);
    expect((await api.cancel(admin, changeRequest.id)).status).toBe(409);
  });

  it("rejection needs a reason, which the requester reads; a rejected creation is removed", async () => {
    const { admin, approver } = await keys();
    await api.setApprovals(admin, { create: true });
    const { changeRequest, webhook } = (await api.createWebhook(admin)).json;
    const blank = await api.reject(approver, changeRequest.id, "   ");
    expect(blank.status).toBe(422);
    expect(blank.json.errors[0].path).toBe("reason");
    expect((await api.reject(approver, changeRequest.id, "Use the EU endpoint")).status).toBe(200);
    expect((await api.get(admin, changeRequest.id)).json).toMatchObject({ status: "rejected", reason: "Use the EU endpoint" });
    expect((await api.getWebhook(admin, webhook.id)).status).toBe(404);
    expect((await api.approve(approver, changeRequest.id)).status).toBe(409);
  });

  it("a pending creation cannot be edited; deleting it withdraws the request", async () => {
    const { admin } = await keys();
    await api.setApprovals(admin, { create: true });
    const { changeRequest, webhook } = (await api.createWebhook(admin)).json;
    const edit = await api.patchWebhook(admin, webhook.id, { rateLimit: 50 });
    expect(edit.status).toBe(409);
    expect(edit.json.detail).toContain("awaiting approval of its creation");
    expect((await api.deleteWebhook(admin, webhook.id)).status).toBe(204);
    expect((await api.get(admin, changeRequest.id)).json.status).toBe("cancelled");
  });
});

describe("stale, expired and limits", () => {
  it("an edit after submission makes the request stale on approval, and nothing changes", async () => {
    const { admin, approver } = await keys();
    const { id } = (await api.createWebhook(admin, { rateLimit: 10 })).json;
    await api.setApprovals(admin, { update: true });
    const crId = (await api.patchWebhook(admin, id, { rateLimit: 99 })).json.changeRequest.id;
    await api.resetApprovals();
    expect((await api.patchWebhook(admin, id, { name: "Renamed meanwhile" })).status).toBe(200);

    const res = await api.approve(approver, crId);
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain("stale");
    expect((await api.get(admin, crId)).json.status).toBe("stale");
    expect((await api.getWebhook(admin, id)).json).toMatchObject({ rateLimit: 10, name: "Renamed meanwhile", version: 2 });
    expect(await auditActions(admin, crId)).toContain("change_request.stale");
  });

  it("a deletion request goes stale when the webhook changed (a secret rotation counts)", async () => {
    const { admin, approver } = await keys();
    const { id } = (await api.createWebhook(admin)).json;
    await api.setApprovals(admin, { delete: true });
    const crId = (await api.deleteWebhook(admin, id)).json.changeRequest.id;
    const rotate = await import("@/app/api/v1/orgs/[org]/webhooks/[id]/rotate-secret/route");
    expect((await call(rotate.POST, { method: "POST", params: { org: "acme", id }, key: admin })).status).toBe(200);
    expect((await api.approve(approver, crId)).status).toBe(409);
    expect((await api.getWebhook(admin, id)).status).toBe(200);
  });

  it("requests expire after the configured days; an expired request cannot be decided", async () => {
    const { admin, approver, reader } = await keys();
    await api.setApprovals(admin, { create: true }, { approvalExpiryDays: 3 });
    const { changeRequest, webhook } = (await api.createWebhook(admin)).json;
    const days = (Date.parse(changeRequest.expiresAt) - Date.parse(changeRequest.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(3, 2);

    await testDb.db
      .update(changeRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(changeRequests.id, changeRequest.id));
    const listed = (await api.list(reader, "?status=expired")).json.items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(changeRequest.id);
    expect((await api.approve(approver, changeRequest.id)).status).toBe(409);
    expect((await api.getWebhook(admin, webhook.id)).status).toBe(404);
    expect(await auditActions(admin, changeRequest.id)).toContain("change_request.expired");
  });

  it("an overdue request is expired when someone tries to decide it", async () => {
    const { admin, approver } = await keys();
    const { id } = (await api.createWebhook(admin)).json;
    await api.setApprovals(admin, { delete: true });
    const crId = (await api.deleteWebhook(admin, id)).json.changeRequest.id;
    await testDb.db
      .update(changeRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(changeRequests.id, crId));
    const res = await api.approve(approver, crId);
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain("expired");
    expect((await api.getWebhook(admin, id)).status).toBe(200);
    // Expiry frees the webhook for a new request.
    expect((await api.deleteWebhook(admin, id)).status).toBe(202);
  });

  it("re-checks the 10-active limit when a creation is approved", async () => {
    const { admin, approver } = await keys();
    await api.setApprovals(admin, { create: true });
    const { changeRequest } = (await api.createWebhook(admin, { name: "The eleventh" })).json;
    await api.resetApprovals();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await api.createWebhook(admin);
      expect(res.status).toBe(201);
      ids.push(res.json.id);
    }
    const res = await api.approve(approver, changeRequest.id);
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain("limit is 10");
    expect((await api.get(admin, changeRequest.id)).json.status).toBe("pending");
    await api.deleteWebhook(admin, ids[0]);
    expect((await api.approve(approver, changeRequest.id)).status).toBe(200);
    expect((await api.listWebhooks(admin)).json.activeCount).toBe(10);
  });
});

describe("what the requester and approvers see", () => {
  it("a decided request is a notice for its requester once; the nav counts what approvers can decide", async () => {
    const { admin, approver } = await keys();
    const requester = (await actorForApiKey(admin, "acme"))!;
    const reviewer = approver;
    await api.setApprovals(admin, { create: true });
    const first = (await api.createWebhook(admin, { name: "First" })).json.changeRequest;
    const second = (await api.createWebhook(admin, { name: "Second" })).json.changeRequest;
    expect(await countReviewable(reviewer)).toBe(2);
    expect(await countReviewable(requester)).toBe(0);
    await api.approve(approver, first.id);
    await api.reject(approver, second.id, "Duplicate of First");
    expect(await countReviewable(reviewer)).toBe(0);

    const notices = await takeDecisionNotices(requester);
    expect(notices.map((n) => [n.webhookName, n.status, n.reason]).sort()).toEqual([
      ["First", "approved", null],
      ["Second", "rejected", "Duplicate of First"],
    ]);
    expect(await takeDecisionNotices(requester)).toEqual([]);
    expect(await takeDecisionNotices(reviewer)).toEqual([]);
  });

  it("lists with status filters, newest first, and reviewable narrows to others' pending requests", async () => {
    const { admin, approver, reader } = await keys();
    await api.setApprovals(admin, { create: true });
    const a = (await api.createWebhook(admin, { name: "A" })).json.changeRequest;
    const b = (await api.createWebhook(admin, { name: "B" })).json.changeRequest;
    await api.reject(approver, a.id, "No");
    expect((await api.list(reader)).json.items.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]);
    expect((await api.list(reader, "?status=rejected")).json.items.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect((await api.list(reader, "?status=pending&reviewable=true")).json.total).toBe(1);
    expect((await api.list(admin, "?reviewable=true")).json.total).toBe(0);
    expect((await api.list(reader, "?status=bogus")).status).toBe(400);
    const row = await testDb.db
      .select()
      .from(changeRequests)
      .where(and(eq(changeRequests.id, b.id)));
    expect(row[0].requesterNotifiedAt).toBeNull();
  });
});
