import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { changeRequests, users, webhooks } from "@/lib/db/schema";
import { actorForUser } from "@/lib/server/identity/resolve-actor";
import { approveChangeRequest } from "@/lib/server/approvals/approve-change-request";
import { mergeWebhookPatch, type WebhookConfig } from "@/lib/server/webhooks/merge-patch";
import { openWebhookSecret } from "@/lib/server/webhooks/secrets";
import type { Worker } from "@/lib/delivery/engine/worker";
import { AppError } from "../errors";

const base: WebhookConfig = {
  name: "Orders",
  url: "https://a.example.com/hook",
  auth: { type: "api_key", header: "X-Api-Key" },
  eventTypes: ["order.created"],
  rateLimit: 10,
  headers: {},
  failureHandling: { maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 },
  payloadMode: "thin",
  enabled: true,
};
const oauthBase: WebhookConfig = { ...base, auth: { type: "oauth2", tokenUrl: "https://auth.example.com/token", clientId: "c" } };
const apiKey = (header = "X-Api-Key", extra: Record<string, unknown> = {}) => ({ type: "api_key" as const, header, ...extra });
const oauth = (tokenUrl: string, clientSecret = "*****") => ({ type: "oauth2" as const, tokenUrl, clientId: "c", clientSecret });

describe("mergeWebhookPatch: a kept credential is refused when its destination moves", () => {
  const refused: [string, WebhookConfig, object, string][] = [
    ["new host, key omitted", base, { url: "https://b.example.com/hook" }, "auth.key"],
    ["new host, key *****", base, { url: "https://b.example.com/hook", auth: apiKey("X-Api-Key", { key: "*****" }) }, "auth.key"],
    ["new port", base, { url: "https://a.example.com:8443/hook" }, "auth.key"],
    ["new scheme", base, { url: "http://a.example.com/hook" }, "auth.key"],
    ["sub-domain", base, { url: "https://evil.a.example.com/hook" }, "auth.key"],
    ["auth header renamed", base, { auth: apiKey("X-Other-Key") }, "auth.key"],
    ["OAuth: new token URL origin", oauthBase, { auth: oauth("https://evil.example.com/token") }, "auth.clientSecret"],
    ["OAuth: new receiver origin (the bearer token would go there)", oauthBase, { url: "https://b.example.com/hook" }, "auth.clientSecret"],
  ];
  it.each(refused)("%s", (_label, current, patch, path) => {
    const { errors } = mergeWebhookPatch(current, patch);
    expect(errors).toEqual([{ path, message: expect.stringMatching(/only sent where it was set up to go/) }]);
  });

  const allowed: [string, WebhookConfig, object][] = [
    ["same origin, new path", base, { url: "https://a.example.com/other/path" }],
    ["explicit default port", base, { url: "https://a.example.com:443/hook" }],
    ["host case", base, { url: "https://A.Example.COM/hook" }],
    ["header name case", base, { auth: apiKey("x-api-key") }],
    ["new host with a new key", base, { url: "https://b.example.com/hook", auth: apiKey("X-Api-Key", { key: "a-brand-new-key" }) }],
    ["new host with a generated key", base, { url: "https://b.example.com/hook", auth: apiKey("X-Api-Key", { generateKey: true }) }],
    ["renamed header with a new key", base, { auth: apiKey("X-Other", { key: "a-brand-new-key" }) }],
    ["OAuth: token URL path only", oauthBase, { auth: oauth("https://auth.example.com/v2/token") }],
    ["OAuth: new token URL with the secret entered", oauthBase, { auth: oauth("https://evil.example.com/token", "new-secret") }],
    ["unrelated change", base, { rateLimit: 50 }],
  ];
  it.each(allowed)("%s → accepted", (_label, current, patch) => {
    expect(mergeWebhookPatch(current, patch).errors).toEqual([]);
  });

  it("generateKey asks the server for a key (authSecret null); with a key as well it is an error", () => {
    expect(mergeWebhookPatch(base, { auth: apiKey("X-Api-Key", { generateKey: true }) }).authSecret).toBeNull();
    expect(mergeWebhookPatch(base, { auth: apiKey("X-Api-Key", { generateKey: true, key: "typed-key-123" }) }).errors[0].path).toBe("auth.key");
  });
});

// Two real receivers on two ports: two origins. The attacker is an admin (or a stolen admin key) moving the URL.
const testDb = useTestDatabase();
const api = approvalsApi();
let worker: Worker;
let a: Receiver;
let b: Receiver;
beforeAll(async () => {
  worker = await startTestWorker();
  [a, b] = await Promise.all([startReceiver(), startReceiver()]);
});
afterAll(async () => {
  await worker?.stop();
  await Promise.all([a?.close(), b?.close()]);
});
afterEach(async () => {
  await api.setApprovals(await createTestKey("acme", ["admin"]), { create: false, update: false, delete: false });
  await testDb.db.delete(changeRequests);
  await testDb.db.delete(webhooks);
});

const OLD_KEY = "the-old-key-never-leaves";
const stored = async (id: string) => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, id)))[0];
const allKeysSeenBy = (r: Receiver) => r.requests.map((q) => q.headers["x-api-key"]);

async function createOnA(admin: string) {
  const res = await api.createWebhook(admin, { url: `${a.url}/hook`, auth: { type: "api_key", header: "X-Api-Key", key: OLD_KEY } });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function personApprover() {
  const [u] = await testDb.db.select().from(users).where(eq(users.email, "approver@example.com"));
  return (await actorForUser(u.id, "acme"))!;
}

describe("PATCH: moving the URL to a new origin needs a new credential", () => {
  it("keeping ***** → 422 and nothing changed; with a new key → 200; the new origin never receives the old key", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const tester = await createTestKey("acme", ["tester"]);
    const id = await createOnA(admin);
    const before = await stored(id);

    for (const body of [{ url: `${b.url}/hook` }, { url: `${b.url}/hook`, auth: { type: "api_key", header: "X-Api-Key", key: "*****" } }]) {
      const refused = await api.patchWebhook(admin, id, body);
      expect(refused.status).toBe(422);
      expect(refused.json.errors).toEqual([{ path: "auth.key", message: expect.stringContaining(`now points to ${b.url}`) }]);
      expect(await stored(id)).toEqual(before);
    }
    const renamed = await api.patchWebhook(admin, id, { auth: { type: "api_key", header: "X-Stolen" } });
    expect([renamed.status, renamed.json.errors[0].path]).toEqual([422, "auth.key"]);

    const moved = await api.patchWebhook(admin, id, { url: `${b.url}/hook`, auth: { type: "api_key", header: "X-Api-Key", key: "the-new-key-for-b" } });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ url: `${b.url}/hook`, version: 2, auth: { key: "*****" } });

    const sent = await (
      await import("@/lib/testing/api")
    ).call((await import("@/app/api/v1/orgs/[org]/webhooks/[id]/test/route")).POST, {
      method: "POST",
      params: { org: "acme", id },
      key: tester,
      body: { eventType: "order.created" },
    });
    expect(sent.status).toBe(202);
    await waitFor(() => b.requests.length > 0);
    expect(allKeysSeenBy(b)).toEqual(["the-new-key-for-b"]);
    expect(a.requests).toHaveLength(0);
  });

  it("generateKey: true moves the URL with a server-generated key, shown once in the response", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const id = await createOnA(admin);
    const res = await api.patchWebhook(admin, id, { url: `${b.url}/gen`, auth: { type: "api_key", header: "X-Api-Key", generateKey: true } });
    expect(res.status).toBe(200);
    expect(res.json.auth.key).toMatch(/^whk_/);
    const row = await stored(id);
    expect(openWebhookSecret(id, "auth", row.authSecretEnc)).toBe(res.json.auth.key);
    expect((await api.getWebhook(admin, id)).json.auth.key).toBe("*****");
  });
});

describe("change requests: the same rule at submission and when applied", () => {
  it("a request moving the URL without a credential is refused at submission; with one it is applied on approval", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const id = await createOnA(admin);
    await api.setApprovals(admin, { update: true });

    const refused = await api.patchWebhook(admin, id, { url: `${b.url}/cr` });
    expect([refused.status, refused.json.errors?.[0]?.path]).toEqual([422, "auth.key"]);
    expect(await testDb.db.select().from(changeRequests)).toHaveLength(0);

    const submitted = await api.patchWebhook(admin, id, { url: `${b.url}/cr`, auth: { type: "api_key", header: "X-Api-Key", key: "key-held-in-the-request" } });
    expect(submitted.status).toBe(202);
    await approveChangeRequest({ actor: await personApprover(), id: submitted.json.changeRequest.id });
    const row = await stored(id);
    expect(row.url).toBe(`${b.url}/cr`);
    expect(openWebhookSecret(id, "auth", row.authSecretEnc)).toBe("key-held-in-the-request");
  });

  it("a stored request that would move the URL with the live key is refused when approved, and nothing changes", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const id = await createOnA(admin);
    await api.setApprovals(admin, { update: true });
    // A legitimate same-origin request, then its stored proposal rewritten to another origin (a request made before
    // this rule existed looks the same): approval must re-check the binding, not trust the submission.
    const submitted = await api.patchWebhook(admin, id, { url: `${a.url}/v2` });
    expect(submitted.status).toBe(202);
    const crId = submitted.json.changeRequest.id;
    const [cr] = await testDb.db.select().from(changeRequests).where(eq(changeRequests.id, crId));
    await testDb.db
      .update(changeRequests)
      .set({ proposed: { ...cr.proposed, url: `${b.url}/sneaky` } })
      .where(eq(changeRequests.id, crId));
    const before = await stored(id);

    const err = await approveChangeRequest({ actor: await personApprover(), id: crId }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.fieldErrors).toEqual([{ path: "auth.key", message: expect.stringContaining(b.url) }]);
    expect(await stored(id)).toEqual(before);
    expect((await testDb.db.select().from(changeRequests).where(eq(changeRequests.id, crId)))[0].status).toBe("pending");
  });
});
