import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { createTestKey } from "@/lib/testing/api";
import { approvalsApi, type Who } from "@/lib/testing/approvals";
import { addPerson, person } from "@/lib/testing/people";
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
const call = (api: ReturnType<typeof approvalsApi>, endpoint: Endpoint, who: Who, crId: string) => {
  const key = who as string;
  const decide = { approve: () => api.approve(who, crId), reject: () => api.reject(who, crId, "no"), checks: () => api.runChecks(who, crId) };
  return {
    getSettings: () => api.getSettings(key),
    patchSettings: () => api.patchSettings(key, { approvalExpiryDays: 7 }),
    list: () => api.list(key),
    get: () => api.get(key, crId),
    cancel: () => api.cancel(key, crId),
    ...decide,
  }[endpoint]();
};

// Expected status per role of an API key in the request's own org; "requester" is the admin key that made the
// request. Keys never decide or run checks, whatever their roles: that is a person's act (see below).
const MATRIX: Record<Endpoint, Record<Role | "requester", number>> = {
  getSettings: { admin: 200, approver: 200, tester: 200, viewer: 200, requester: 200 },
  patchSettings: { admin: 200, approver: 403, tester: 403, viewer: 403, requester: 200 },
  list: { admin: 200, approver: 200, tester: 200, viewer: 200, requester: 200 },
  get: { admin: 200, approver: 200, tester: 200, viewer: 200, requester: 200 },
  approve: { admin: 403, approver: 403, tester: 403, viewer: 403, requester: 403 },
  reject: { admin: 403, approver: 403, tester: 403, viewer: 403, requester: 403 },
  cancel: { admin: 403, approver: 403, tester: 403, viewer: 403, requester: 200 },
  checks: { admin: 403, approver: 403, tester: 403, viewer: 403, requester: 403 },
};

describe("approvals role matrix", () => {
  for (const [endpoint, row] of Object.entries(MATRIX) as [Endpoint, Record<Role | "requester", number>][]) {
    for (const [who, expected] of Object.entries(row)) {
      it(`${endpoint} as ${who} → ${expected}`, async () => {
        const { admin, crId } = await pendingRequest();
        const key = who === "requester" ? admin : await createTestKey("acme", [who as Role]);
        const res = await call(acme, endpoint, key, crId);
        expect(res.status, res.text).toBe(expected);
        if (expected === 403) expect((res as { headers?: Headers }).headers?.get("content-type")).toBe("application/problem+json");
      });
    }
  }

  it.each(["approve", "reject", "checks"] as const)("%s as a person with the approver role → 200; as a person without it → 403", async (endpoint) => {
    const { crId } = await pendingRequest();
    expect((await call(acme, endpoint, await person("approver@example.com"), crId)).status).toBe(200);
    const other = (await pendingRequest()).crId;
    expect((await call(acme, endpoint, await person("admin@example.com"), other)).status).toBe(403);
  });

  it("answers 401 without credentials on every endpoint", async () => {
    const { crId } = await pendingRequest();
    for (const endpoint of Object.keys(MATRIX) as Endpoint[]) expect((await call(acme, endpoint, "", crId)).status).toBe(401);
  });
});

describe("approvals org isolation", () => {
  it.each(["get", "approve", "reject", "cancel", "checks"] as const)("%s on another org's request is 404, and changes nothing", async (endpoint) => {
    const { admin, crId } = await pendingRequest();
    const globexAdmin = await createTestKey("globex", ["admin"]);
    const globexApprover = await addPerson("approver@globex.example.com", ["approver"], "globex");
    const res = await call(globex, endpoint, ["get", "cancel"].includes(endpoint) ? globexAdmin : globexApprover, crId);
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
    const approver = await person("approver@example.com");
    expect((await acme.get(await createTestKey("acme", ["approver"]), "not-a-uuid")).status).toBe(404);
    expect((await acme.approve(approver, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
