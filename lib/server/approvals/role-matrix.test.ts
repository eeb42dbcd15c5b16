import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { changeRequests, webhooks } from "@/lib/db/schema";
import type { Role } from "../authz";

const testDb = useTestDatabase();
const acme = approvalsApi("acme");
const globex = approvalsApi("globex");

afterEach(async () => {
  await testDb.db.delete(changeRequests);
  await testDb.db.delete(webhooks);
});

/** A fresh pending update request made by an acme admin (a disabled webhook, so the 10-active limit never interferes). */
async function pendingRequest() {
  const admin = await createTestKey("acme", ["admin"], "requester");
  await acme.setApprovals(admin, { update: true });
  const { id } = (await acme.createWebhook(admin, { enabled: false })).json;
  const res = await acme.patchWebhook(admin, id, { rateLimit: 42 });
  expect(res.status).toBe(202);
  return { admin, crId: res.json.changeRequest.id as string };
}

type Endpoint = "getSettings" | "patchSettings" | "list" | "get" | "approve" | "reject" | "cancel" | "checks";
const call = (api: ReturnType<typeof approvalsApi>, endpoint: Endpoint, key: string, crId: string) =>
  ({
    getSettings: () => api.getSettings(key),
    patchSettings: () => api.patchSettings(key, { approvalExpiryDays: 7 }),
    list: () => api.list(key),
    get: () => api.get(key, crId),
    approve: () => api.approve(key, crId),
    reject: () => api.reject(key, crId, "no"),
    cancel: () => api.cancel(key, crId),
    checks: () => api.runChecks(key, crId),
  })[endpoint]();

// Expected status per role in the request's own org; "requester" is the admin who made the request.
const MATRIX: Record<Endpoint, Record<Role | "requester", number>> = {
  getSettings: { admin: 200, approver: 200, tester: 200, viewer: 200, requester: 200 },
  patchSettings: { admin: 200, approver: 403, tester: 403, viewer: 403, requester: 200 },
  list: { admin: 200, approver: 200, tester: 200, viewer: 200, requester: 200 },
  get: { admin: 200, approver: 200, tester: 200, viewer: 200, requester: 200 },
  approve: { admin: 403, approver: 200, tester: 403, viewer: 403, requester: 403 },
  reject: { admin: 403, approver: 200, tester: 403, viewer: 403, requester: 403 },
  cancel: { admin: 403, approver: 403, tester: 403, viewer: 403, requester: 200 },
  checks: { admin: 200, approver: 200, tester: 403, viewer: 403, requester: 200 },
};

describe("approvals role matrix", () => {
  for (const [endpoint, row] of Object.entries(MATRIX) as [Endpoint, Record<Role | "requester", number>][]) {
    for (const [who, expected] of Object.entries(row)) {
      it(`${endpoint} as ${who} → ${expected}`, async () => {
        const { admin, crId } = await pendingRequest();
        const key = who === "requester" ? admin : await createTestKey("acme", [who as Role]);
        const res = await call(acme, endpoint, key, crId);
        expect(res.status, res.text).toBe(expected);
        if (expected === 403) expect(res.headers.get("content-type")).toBe("application/problem+json");
      });
    }
  }

  it("answers 401 without credentials on every endpoint", async () => {
    const { crId } = await pendingRequest();
    for (const endpoint of Object.keys(MATRIX) as Endpoint[]) expect((await call(acme, endpoint, "", crId)).status).toBe(401);
  });
});

describe("approvals org isolation", () => {
  it.each(["get", "approve", "reject", "cancel", "checks"] as const)("%s on another org's request is 404, and changes nothing", async (endpoint) => {
    const { admin, crId } = await pendingRequest();
    const globexAdmin = await createTestKey("globex", ["admin", "approver"]);
    const res = await call(globex, endpoint, globexAdmin, crId);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(crId);
    expect((await acme.get(admin, crId)).json.status).toBe("pending");
  });

  it("lists and settings are per organization; an acme key cannot be used on globex", async () => {
    const { admin, crId } = await pendingRequest();
    const globexAdmin = await createTestKey("globex", ["admin"]);
    const list = await globex.list(globexAdmin);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(crId);
    expect((await globex.getSettings(globexAdmin)).json.approvals).toEqual({ create: false, update: false, delete: false });
    expect((await acme.getSettings(admin)).json.approvals.update).toBe(true);
    expect((await globex.list(admin)).status).toBe(401);
    expect((await globex.approve(admin, crId)).status).toBe(401);
  });

  it("malformed ids are 404", async () => {
    const approver = await createTestKey("acme", ["approver"]);
    expect((await acme.get(approver, "not-a-uuid")).status).toBe(404);
    expect((await acme.approve(approver, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
