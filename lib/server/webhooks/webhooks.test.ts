import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { webhookBody } from "@/lib/testing/webhooks";
import { webhooks } from "@/lib/db/schema";
import { openWebhookSecret } from "./secrets";
import * as collection from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as item from "@/app/api/v1/orgs/[org]/webhooks/[id]/route";
import * as rotate from "@/app/api/v1/orgs/[org]/webhooks/[id]/rotate-secret/route";
import * as versions from "@/app/api/v1/orgs/[org]/webhooks/[id]/versions/route";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";

const testDb = useTestDatabase();
const acme = { org: "acme" };
const create = (key: string, body: unknown) => call(collection.POST, { method: "POST", params: acme, key, body });
const patch = (key: string, id: string, body: unknown) => call(item.PATCH, { method: "PATCH", params: { ...acme, id }, key, body });
const remove = (key: string, id: string) => call(item.DELETE, { method: "DELETE", params: { ...acme, id }, key });
const stored = async (id: string) => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, id)))[0];

describe("creating webhooks", () => {
  it("returns generated credentials once and masks them everywhere else", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const res = await create(admin, webhookBody({ name: "Secret check" }));
    expect(res.status).toBe(201);
    const { id, auth, signingSecret } = res.json;
    expect(auth).toMatchObject({ type: "api_key", header: "X-Api-Key" });
    expect(auth.key).toMatch(/^whk_/);
    expect(signingSecret).toMatch(/^whsec_/);
    const row = await stored(id);
    expect(row.authSecretEnc).not.toContain(auth.key);
    expect(openWebhookSecret(id, "auth", row.authSecretEnc)).toBe(auth.key);

    const responses = [
      await call(item.GET, { params: { ...acme, id }, key: admin }),
      await call(collection.GET, { params: acme, key: admin }),
      await call(versions.GET, { params: { ...acme, id }, key: admin }),
      await patch(admin, id, { rateLimit: 20 }),
      await call(audit.GET, { params: acme, key: admin }),
    ];
    for (const r of responses) {
      expect(r.status).toBe(200);
      expect(r.text).not.toContain(auth.key);
      expect(r.text).not.toContain(signingSecret);
    }
    expect(responses[0].json.auth.key).toBe("*****");
    expect(responses[0].json.signingSecret).toBe("*****");
  });

  it("keeps a key the user supplied, and a supplied signing secret", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const signingSecret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const res = await create(admin, webhookBody({ auth: { type: "api_key", header: "Authorization", key: "my-own-key-123" }, signingSecret }));
    expect(res.status).toBe(201);
    expect(res.json.auth.key).toBe("*****");
    expect(res.json.signingSecret).toBe(signingSecret);
    expect(openWebhookSecret(res.json.id, "auth", (await stored(res.json.id)).authSecretEnc)).toBe("my-own-key-123");
    await remove(admin, res.json.id);
  });

  it.each([
    ["plain http", { url: "http://receiver.example.com/h" }, "url"],
    ["a query string", { url: "https://receiver.example.com/h?a=1" }, "url"],
    ["userinfo", { url: "https://u:p@receiver.example.com/h" }, "url"],
    ["a fragment", { url: "https://receiver.example.com/h#x" }, "url"],
    ["a private literal", { url: "https://10.0.0.1/h" }, "url"],
    ["a metadata address", { url: "https://169.254.169.254/latest" }, "url"],
    ["a decimal IPv4", { url: "https://167772161/h" }, "url"],
    ["a hex IPv4", { url: "https://0xa.0.0.1/h" }, "url"],
    ["a ULA IPv6", { url: "https://[fc00::1]/h" }, "url"],
    ["a NAT64 metadata address", { url: "https://[64:ff9b::a9fe:a9fe]/h" }, "url"],
    ["an IPv4-mapped IPv6", { url: "https://[::ffff:a00:1]/h" }, "url"],
    ["localhost", { url: "https://localhost/h" }, "url"],
    ["a relative URL", { url: "/hook" }, "url"],
    ["an unknown event type", { eventTypes: ["order.created", "nope.never"] }, "eventTypes.1"],
    ["no event types", { eventTypes: [] }, "eventTypes"],
    ["rate limit 0", { rateLimit: 0 }, "rateLimit"],
    ["rate limit 101", { rateLimit: 101 }, "rateLimit"],
    ["a fractional rate limit", { rateLimit: 2.5 }, "rateLimit"],
    ["a header name with a space", { headers: { "X Bad": ["v"] } }, "headers"],
    ["a reserved header", { headers: { "Content-Type": ["text/plain"] } }, "headers"],
    ["a webhook-* header", { headers: { "webhook-id": ["x"] } }, "headers"],
    ["a reserved auth header", { auth: { type: "api_key", header: "Host" } }, "auth.header"],
    ["an http token URL", { auth: { type: "oauth2", tokenUrl: "http://id.example.com/t", clientId: "c", clientSecret: "s" } }, "auth.tokenUrl"],
    ["a private token URL", { auth: { type: "oauth2", tokenUrl: "https://10.0.0.1/t", clientId: "c", clientSecret: "s" } }, "auth.tokenUrl"],
    ["11 attempts", { failureHandling: { maxAttempts: 11 } }, "failureHandling.maxAttempts"],
    ["linear without interval", { failureHandling: { backoff: "linear" } }, "failureHandling.intervalSeconds"],
    ["a short signing secret", { signingSecret: "whsec_c2hvcnQ=" }, "signingSecret"],
    ["an unknown field", { colour: "blue" }, "colour"],
    ["a 101-character name", { name: "x".repeat(101) }, "name"],
    ["a masked key on create", { auth: { type: "api_key", key: "*****" } }, "auth.key"],
  ])("refuses %s with a field error and stores nothing", async (_label, overrides, path) => {
    const admin = await createTestKey("acme", ["admin"]);
    const before = (await call(collection.GET, { params: acme, key: admin })).json.total;
    const res = await create(admin, webhookBody(overrides));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors.some((e: { path: string }) => e.path === path || (path && e.path.startsWith(`${path}.`)))).toBe(true);
    for (const e of res.json.errors) expect(e.message.length).toBeGreaterThan(5);
    expect((await call(collection.GET, { params: acme, key: admin })).json.total).toBe(before);
  });

  it("refuses a duplicate name, ignoring case, with 409", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const first = await create(admin, webhookBody({ name: "Billing" }));
    const dup = await create(admin, webhookBody({ name: "BILLING" }));
    expect(dup.status).toBe(409);
    expect(dup.json.errors[0].path).toBe("name");
    await remove(admin, first.json.id);
  });

  it("allows 10 active webhooks, refuses the 11th with 409 naming the limit, and re-checks on enabling", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const current = (await call(collection.GET, { params: acme, key: admin })).json;
    const ids: string[] = [];
    for (let i = current.activeCount; i < 10; i++) ids.push((await create(admin, webhookBody())).json.id);
    const eleventh = await create(admin, webhookBody());
    expect(eleventh.status).toBe(409);
    expect(eleventh.json.detail).toContain("limit is 10");
    const disabled = await create(admin, webhookBody({ enabled: false }));
    expect(disabled.status).toBe(201);
    expect(disabled.json.status).toBe("disabled");
    expect((await patch(admin, disabled.json.id, { enabled: true })).status).toBe(409);
    await remove(admin, ids[0]);
    const enabled = await patch(admin, disabled.json.id, { enabled: true });
    expect(enabled.status).toBe(200);
    expect(enabled.json.status).toBe("active");
    for (const id of [...ids.slice(1), disabled.json.id]) await remove(admin, id);
  });
});

describe("updating webhooks", () => {
  it("applies add/remove semantics, versions each change, and 409s a stale version", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const { id } = (await create(admin, webhookBody({ headers: { "X-Team": ["a"] } }))).json;
    const res = await patch(admin, id, {
      version: 1,
      removeEventTypes: ["order.created"],
      addEventTypes: ["order.shipped", "order.created"],
      addHeaders: { "X-Env": ["prod"] },
      removeHeaders: ["x-team"],
    });
    expect(res.status).toBe(200);
    expect(res.json.eventTypes).toEqual(["order.shipped", "order.created"]);
    expect(res.json.headers).toEqual({ "X-Env": ["prod"] });
    expect(res.json.version).toBe(2);
    const stale = await patch(admin, id, { version: 1, name: "late" });
    expect(stale.status).toBe(409);
    expect((await call(item.GET, { params: { ...acme, id }, key: admin })).json.name).not.toBe("late");
    const history = (await call(versions.GET, { params: { ...acme, id }, key: admin })).json.items;
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history[0].changedFields.sort()).toEqual(["eventTypes", "headers"]);
    await remove(admin, id);
  });

  it("treats ***** as unchanged and a new credential as changed (shown only as changed)", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const body = webhookBody({ auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "client", clientSecret: "first-secret" } });
    const { id } = (await create(admin, body)).json;
    await patch(admin, id, { auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "client", clientSecret: "*****" }, rateLimit: 3 });
    expect(openWebhookSecret(id, "auth", (await stored(id)).authSecretEnc)).toBe("first-secret");
    const changed = await patch(admin, id, {
      auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "client", clientSecret: "second-secret" },
    });
    expect(changed.text).not.toContain("second-secret");
    expect(openWebhookSecret(id, "auth", (await stored(id)).authSecretEnc)).toBe("second-secret");
    const history = (await call(versions.GET, { params: { ...acme, id }, key: admin })).text;
    expect(history).not.toContain("second-secret");
    expect(JSON.parse(history).items[0].config.secretsChanged).toEqual(["auth"]);
    await remove(admin, id);
  });

  it("rotates the signing secret once and keeps the previous one for 24 hours", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const created = (await create(admin, webhookBody())).json;
    const res = await call(rotate.POST, { method: "POST", params: { ...acme, id: created.id }, key: admin });
    expect(res.status).toBe(200);
    expect(res.json.signingSecret).not.toBe(created.signingSecret);
    const row = await stored(created.id);
    expect(openWebhookSecret(created.id, "signing_prev", row.previousSigningSecretEnc!)).toBe(created.signingSecret);
    expect(openWebhookSecret(created.id, "signing", row.signingSecretEnc)).toBe(res.json.signingSecret);
    const hours = (row.previousSecretExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect((await call(item.GET, { params: { ...acme, id: created.id }, key: admin })).text).not.toContain(res.json.signingSecret);
    await remove(admin, created.id);
  });
});

describe("listing", () => {
  it("filters by name, status and event types, newest first, with count ≤ 100", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    await testDb.db.delete(webhooks);
    const a = (await create(admin, webhookBody({ name: "Alpha orders", eventTypes: ["order.created"] }))).json;
    const b = (await create(admin, webhookBody({ name: "Beta identity", eventTypes: ["identity.approved"], enabled: false }))).json;
    const list = (q: string) => call(collection.GET, { params: acme, key: admin, path: `/webhooks${q}` });
    expect((await list("?name=ALPHA")).json.items.map((w: { id: string }) => w.id)).toEqual([a.id]);
    expect((await list("?name=%25")).json.items).toEqual([]);
    expect((await list("?enabled=false")).json.items.map((w: { id: string }) => w.id)).toEqual([b.id]);
    expect((await list("?eventTypes=identity.approved&eventTypes=invoice.paid")).json.items.map((w: { id: string }) => w.id)).toEqual([b.id]);
    expect((await list("?eventTypes=identity.approved,order.created")).json.items.map((w: { id: string }) => w.id)).toEqual([b.id, a.id]);
    expect((await list("?count=101")).status).toBe(400);
    await remove(admin, a.id);
    await remove(admin, b.id);
  });
});

describe("roles and organizations", () => {
  it.each([["viewer"], ["tester"], ["approver"]] as const)("a %s reads but cannot write", async (role) => {
    const admin = await createTestKey("acme", ["admin"]);
    const key = await createTestKey("acme", [role]);
    const { id } = (await create(admin, webhookBody())).json;
    expect((await call(collection.GET, { params: acme, key })).status).toBe(200);
    expect((await call(item.GET, { params: { ...acme, id }, key })).status).toBe(200);
    expect((await create(key, webhookBody())).status).toBe(403);
    expect((await patch(key, id, { rateLimit: 5 })).status).toBe(403);
    expect((await remove(key, id)).status).toBe(403);
    expect((await call(rotate.POST, { method: "POST", params: { ...acme, id }, key })).status).toBe(403);
    await remove(admin, id);
  });

  it("another org's admin gets 404 for every route, and malformed ids are 404", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const globex = await createTestKey("globex", ["admin"]);
    const { id } = (await create(admin, webhookBody())).json;
    const g = { org: "globex", id };
    expect((await call(item.GET, { params: g, key: globex })).status).toBe(404);
    expect((await call(item.PATCH, { method: "PATCH", params: g, key: globex, body: { rateLimit: 1 } })).status).toBe(404);
    expect((await call(item.DELETE, { method: "DELETE", params: g, key: globex })).status).toBe(404);
    expect((await call(rotate.POST, { method: "POST", params: g, key: globex })).status).toBe(404);
    expect((await call(versions.GET, { params: g, key: globex })).status).toBe(404);
    expect((await call(item.GET, { params: { ...acme, id: "not-a-uuid" }, key: admin })).status).toBe(404);
    expect((await call(collection.GET, { params: { org: "globex" }, key: globex })).text).not.toContain(id);
    expect((await stored(id)).rateLimit).toBe(10);
    await remove(admin, id);
  });

  it("audits create, update, rotate and delete without secrets", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const created = (await create(admin, webhookBody({ name: "Audited" }))).json;
    await patch(admin, created.id, { rateLimit: 42 });
    await call(rotate.POST, { method: "POST", params: { ...acme, id: created.id }, key: admin });
    await remove(admin, created.id);
    const log = await call(audit.GET, { params: acme, key: admin, path: "/audit-log?target=Audited" });
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual([
      "webhook.deleted",
      "webhook.secret_rotated",
      "webhook.updated",
      "webhook.created",
    ]);
    expect(log.text).not.toContain(created.auth.key);
    expect(log.text).not.toContain(created.signingSecret);
  });
});
