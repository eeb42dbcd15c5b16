import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { webhookBody } from "@/lib/testing/webhooks";
import * as collection from "@/app/api/v1/orgs/[org]/event-types/route";
import * as item from "@/app/api/v1/orgs/[org]/event-types/[id]/route";
import * as webhooksRoute from "@/app/api/v1/orgs/[org]/webhooks/route";

useTestDatabase();
const acme = { org: "acme" };

describe("event-type catalog", () => {
  it("lists the seeded catalog to every role", async () => {
    const viewer = await createTestKey("acme", ["viewer"]);
    const res = await call(collection.GET, { params: acme, key: viewer });
    expect(res.json.items.map((t: { name: string }) => t.name)).toContain("identity.approved");
  });

  it("adds a type with an example payload; validates names; refuses duplicates and non-admins", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const ok = await call(collection.POST, {
      method: "POST",
      params: acme,
      key: admin,
      body: { name: "payout.sent", description: "Money left", examplePayload: { amount: "1.00" } },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.examplePayload).toEqual({ amount: "1.00" });
    const dup = await call(collection.POST, { method: "POST", params: acme, key: admin, body: { name: "payout.sent" } });
    expect(dup.status).toBe(409);
    for (const name of ["Payout", "payout", "payout sent", "payout..sent"]) {
      const bad = await call(collection.POST, { method: "POST", params: acme, key: admin, body: { name } });
      expect(bad.status).toBe(422);
      expect(bad.json.errors[0].path).toBe("name");
    }
    const notObject = await call(collection.POST, { method: "POST", params: acme, key: admin, body: { name: "a.b", examplePayload: [1] } });
    expect(notObject.json.errors[0].path).toBe("examplePayload");
    const tester = await createTestKey("acme", ["tester"]);
    expect((await call(collection.POST, { method: "POST", params: acme, key: tester, body: { name: "x.y" } })).status).toBe(403);
  });

  it("a deprecated type cannot be newly subscribed but existing subscriptions stay", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const created = (await call(collection.POST, { method: "POST", params: acme, key: admin, body: { name: "legacy.thing" } })).json;
    const hook = await call(webhooksRoute.POST, { method: "POST", params: acme, key: admin, body: webhookBody({ eventTypes: ["legacy.thing"] }) });
    expect(hook.status).toBe(201);
    const dep = await call(item.PATCH, { method: "PATCH", params: { ...acme, id: created.id }, key: admin, body: { deprecated: true } });
    expect(dep.json.deprecated).toBe(true);
    const refused = await call(webhooksRoute.POST, { method: "POST", params: acme, key: admin, body: webhookBody({ eventTypes: ["legacy.thing"] }) });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].message).toContain("deprecated");
    const globex = await createTestKey("globex", ["admin"]);
    expect((await call(item.PATCH, { method: "PATCH", params: { org: "globex", id: created.id }, key: globex, body: { deprecated: false } })).status).toBe(404);
  });
});
