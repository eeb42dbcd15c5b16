import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import * as collection from "@/app/api/v1/orgs/[org]/api-keys/route";
import * as item from "@/app/api/v1/orgs/[org]/api-keys/[id]/route";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";

useTestDatabase();

describe("API keys over the REST API", () => {
  it("creates a key shown once, which then works as a bearer token, until revoked", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const created = await call(collection.POST, { method: "POST", params: { org: "acme" }, key: admin, body: { name: "ci", roles: ["viewer"] } });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^wck_/);

    const list = await call(collection.GET, { params: { org: "acme" }, key: admin });
    expect(list.text).not.toContain(created.json.key);
    expect(list.json.items.map((k: { name: string }) => k.name)).toContain("ci");

    const asNew = await call(audit.GET, { params: { org: "acme" }, key: created.json.key });
    expect(asNew.status).toBe(200);
    expect(asNew.json.items.some((e: { action: string }) => e.action === "api_key.created")).toBe(true);

    const revoked = await call(item.DELETE, { method: "DELETE", params: { org: "acme", id: created.json.id }, key: admin });
    expect(revoked.status).toBe(204);
    const after = await call(audit.GET, { params: { org: "acme" }, key: created.json.key });
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses other roles with 403 and audits it", async () => {
    const viewer = await createTestKey("acme", ["viewer"]);
    const res = await call(collection.POST, { method: "POST", params: { org: "acme" }, key: viewer, body: { name: "x", roles: ["admin"] } });
    expect(res.status).toBe(403);
    const admin = await createTestKey("acme", ["admin"]);
    const log = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "/audit-log?action=permission.denied" });
    expect(log.json.items.length).toBeGreaterThan(0);
  });

  it("validates input with field-level errors and stores nothing", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const before = await call(collection.GET, { params: { org: "acme" }, key: admin });
    const res = await call(collection.POST, { method: "POST", params: { org: "acme" }, key: admin, body: { name: "", roles: ["root"], extra: 1 } });
    expect(res.status).toBe(422);
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "roles.0"]));
    const after = await call(collection.GET, { params: { org: "acme" }, key: admin });
    expect(after.json.items.length).toBe(before.json.items.length);
  });

  it("keeps organizations apart: globex cannot see or revoke acme keys", async () => {
    const acme = await createTestKey("acme", ["admin"]);
    const globex = await createTestKey("globex", ["admin"]);
    const created = await call(collection.POST, { method: "POST", params: { org: "acme" }, key: acme, body: { name: "secret-one", roles: ["viewer"] } });
    expect((await call(collection.GET, { params: { org: "acme" }, key: globex })).status).toBe(401);
    const revoke = await call(item.DELETE, { method: "DELETE", params: { org: "globex", id: created.json.id }, key: globex });
    expect(revoke.status).toBe(404);
    const list = await call(collection.GET, { params: { org: "globex" }, key: globex });
    expect(list.text).not.toContain("secret-one");
  });

  it("answers 401 without credentials and 400 for unreadable JSON", async () => {
    expect((await call(collection.GET, { params: { org: "acme" } })).status).toBe(401);
    const admin = await createTestKey("acme", ["admin"]);
    const bad = await call(collection.POST, { method: "POST", params: { org: "acme" }, key: admin, body: "{nope" });
    expect(bad.status).toBe(400);
  });
});
