import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { attempts, auditLog, changeRequests, deliveries, users, webhooks, webhookVersions } from "@/lib/db/schema";
import { actorForUser } from "@/lib/server/identity/resolve-actor";
import type { Worker } from "@/lib/delivery/engine/worker";
import * as versionsRoute from "@/app/api/v1/orgs/[org]/webhooks/[id]/versions/route";
import * as testRoute from "@/app/api/v1/orgs/[org]/webhooks/[id]/test/route";

// Real DB, real routes, a real receiver on 127.0.0.1, the real engine: a secret header reaches the receiver and nothing else.
const testDb = useTestDatabase();
const api = approvalsApi();
let worker: Worker;
let receiver: Receiver;
beforeAll(async () => {
  worker = await startTestWorker();
  receiver = await startReceiver();
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
});
afterEach(async () => {
  await api.resetApprovals();
  await testDb.db.delete(changeRequests);
  await testDb.db.delete(webhooks);
});

const TOKEN = "tenant-token-9f2c41d7e8";
const NEXT_TOKEN = "rotated-token-77a1b2c3d4";
const row = async (id: string) => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, id)))[0];
const everywhere = (value: unknown) => JSON.stringify(value);

async function createWithSecret(admin: string, path: string) {
  const res = await api.createWebhook(admin, {
    url: `${receiver.url}${path}`,
    headers: { "X-Tenant-Token": [TOKEN], "X-Team": ["pay"] },
    secretHeaders: ["X-Tenant-Token"],
  });
  expect(res.status).toBe(201);
  return res;
}

async function sendTest(key: string, id: string) {
  const sent = await call(testRoute.POST, { method: "POST", params: { org: "acme", id }, key, body: { eventType: "order.created" } });
  expect(sent.status).toBe(202);
}

describe("secret custom headers", () => {
  it("are sealed at rest, ***** in every answer, sent in clear, ***** in the stored attempt", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const created = await createWithSecret(admin, "/secret-a");
    const id = created.json.id as string;
    expect(created.json.headers).toEqual({ "X-Tenant-Token": ["*****"], "X-Team": ["pay"] });
    expect(created.json.secretHeaders).toEqual(["X-Tenant-Token"]);

    const stored = await row(id);
    expect(stored.headers["X-Tenant-Token"]).toEqual(["*****"]);
    expect(Object.keys(stored.secretHeaders)).toEqual(["x-tenant-token"]);
    expect(everywhere(stored)).not.toContain(TOKEN);

    const got = await api.getWebhook(admin, id);
    expect(got.json.headers["X-Tenant-Token"]).toEqual(["*****"]);
    const versions = await call(versionsRoute.GET, { params: { org: "acme", id }, key: admin });
    const audit = await testDb.db.select().from(auditLog);
    for (const answer of [got.json, versions.json, (await api.listWebhooks(admin)).json, audit]) expect(everywhere(answer)).not.toContain(TOKEN);

    await sendTest(admin, id);
    const req = await waitFor(() => receiver.requests.find((r) => r.path === "/secret-a"));
    expect(req.headers["x-tenant-token"]).toBe(TOKEN);
    expect(req.headers["x-team"]).toBe("pay");
    const [logged] = await waitFor(async () => {
      const rows = await testDb.db
        .select({ h: attempts.requestHeaders })
        .from(attempts)
        .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
        .where(eq(deliveries.webhookId, id));
      return rows.length ? rows : undefined;
    });
    expect(logged.h["x-tenant-token"]).toBe("*****");
    expect(logged.h["x-team"]).toBe("pay");
  });

  it("PATCH: ***** keeps the stored value; add/removeHeaders keep working; a new value is a secret change; bad input is 422 with nothing stored", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const id = (await createWithSecret(admin, "/secret-b")).json.id as string;
    const sealed = (await row(id)).secretHeaders;

    const kept = await api.patchWebhook(admin, id, { addHeaders: { "X-Env": ["prod"] }, removeHeaders: ["X-Team"] });
    expect(kept.status).toBe(200);
    expect(kept.json.headers).toEqual({ "X-Tenant-Token": ["*****"], "X-Env": ["prod"] });
    expect((await row(id)).secretHeaders).toEqual(sealed);

    // The headers exactly as GET shows them (secret value "*****"): nothing changes, no new version.
    const same = await api.patchWebhook(admin, id, { headers: kept.json.headers });
    expect(same.status).toBe(200);
    expect(same.json.version).toBe(kept.json.version);

    const before = await row(id);
    for (const [body, path] of [
      [{ headers: { "X-New": ["*****"] }, secretHeaders: ["X-New"] }, "headers.X-New"],
      [{ secretHeaders: ["X-Missing"] }, "secretHeaders"],
      [{ secretHeaders: [] }, "headers.X-Tenant-Token"],
      [{ url: "http://127.0.0.2:1/elsewhere" }, "headers.X-Tenant-Token"],
    ] as const) {
      const refused = await api.patchWebhook(admin, id, body);
      expect(refused.status).toBe(422);
      expect(refused.json.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await row(id)).toEqual(before);
    }

    const rotated = await api.patchWebhook(admin, id, { headers: { "X-Tenant-Token": [NEXT_TOKEN], "X-Env": ["prod"] } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.headers["X-Tenant-Token"]).toEqual(["*****"]);
    expect((await row(id)).secretHeaders).not.toEqual(sealed);
    expect(everywhere(await testDb.db.select().from(webhookVersions))).not.toContain(NEXT_TOKEN);
    const v = (await testDb.db.select().from(webhookVersions).where(eq(webhookVersions.webhookId, id))).find((x) => x.version === rotated.json.version)!;
    expect(v.config.secretsChanged).toEqual(["header:x-tenant-token"]);

    await sendTest(admin, id);
    const req = await waitFor(() => receiver.requests.find((r) => r.path === "/secret-b"));
    expect(req.headers["x-tenant-token"]).toBe(NEXT_TOKEN);
  });

  it("a change request with a new secret header value reads 'changed', never the value, and applies the value on approval", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const id = (await createWithSecret(admin, "/secret-c")).json.id as string;
    expect((await api.setApprovals(admin, { update: true })).status).toBe(200);

    const submitted = await api.patchWebhook(admin, id, { headers: { "X-Tenant-Token": [NEXT_TOKEN], "X-Team": ["pay"] } });
    expect(submitted.status).toBe(202);
    const requestId = (submitted.json.changeRequest?.id ?? submitted.json.id) as string;
    const [stored] = await testDb.db.select().from(changeRequests).where(eq(changeRequests.id, requestId));
    expect(everywhere(stored)).not.toContain(NEXT_TOKEN);
    expect(stored.proposedSecretHeadersEnc).toBeTruthy();

    const view = await api.get(admin, requestId);
    expect(view.status).toBe(200);
    expect(everywhere(view.json)).not.toContain(NEXT_TOKEN);
    expect(everywhere(view.json)).not.toContain(TOKEN);
    const rowOf = (view.json.changes as { field: string; kind: string; after: string; changed: boolean }[]).find((c) => c.field === "headers.X-Tenant-Token");
    expect(rowOf).toMatchObject({ kind: "secret", after: "changed", changed: true });
    const team = (view.json.changes as { field: string; changed: boolean }[]).find((c) => c.field === "headers.X-Team");
    expect(team).toMatchObject({ changed: false });

    const [u] = await testDb.db.select().from(users).where(eq(users.email, "approver@example.com"));
    const approver = (await actorForUser(u.id, "acme"))!;
    const approved = await api.approve(approver, requestId);
    expect(approved.status).toBe(200);
    expect(everywhere(approved.json)).not.toContain(NEXT_TOKEN);
    expect((await row(id)).headers["X-Tenant-Token"]).toEqual(["*****"]);

    await sendTest(admin, id);
    const req = await waitFor(() => receiver.requests.find((r) => r.path === "/secret-c"));
    expect(req.headers["x-tenant-token"]).toBe(NEXT_TOKEN);
  });
});
