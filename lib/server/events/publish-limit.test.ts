// Per-org publish limit: over it the API answers 429 with Retry-After and stores nothing; other orgs are unaffected.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { events, organizations } from "@/lib/db/schema";
import * as eventsRoute from "@/app/api/v1/orgs/[org]/events/route";
import * as settingsRoute from "@/app/api/v1/orgs/[org]/settings/route";
import { resetPublishLimits } from "./publish-limit";

const testDb = useTestDatabase();

describe("publish limit", () => {
  it("answers 429 with Retry-After over the org's events per second, and stores nothing", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const patched = await call(settingsRoute.PATCH, { method: "PATCH", path: "/settings", params: { org: "acme" }, key: admin, body: { publishLimit: 3 } });
    expect(patched.status).toBe(200);
    expect(patched.json.publishLimit).toBe(3);
    resetPublishLimits();
    const publish = (org: string, key: string, id: string) =>
      call(eventsRoute.POST, { method: "POST", path: "/events", params: { org }, key, body: { id, type: "order.created", data: {} } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await publish("acme", admin, `limited-${i}`));
    expect(statuses.slice(0, 3).map((r) => r.status)).toEqual([202, 202, 202]);
    const refused = statuses.find((r) => r.status === 429)!;
    expect(refused).toBeDefined();
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const [org] = await testDb.db.select().from(organizations).where(eq(organizations.slug, "acme"));
    const stored = await testDb.db.select({ id: events.id }).from(events).where(eq(events.orgId, org.id));
    expect(stored.map((e) => e.id).sort()).toEqual(
      statuses
        .map((r, i) => (r.status === 202 ? `limited-${i}` : null))
        .filter(Boolean)
        .sort(),
    );
    // Another org has its own budget.
    const globex = await createTestKey("globex", ["admin"]);
    expect((await publish("globex", globex, "other-org")).status).toBe(202);
    // A second later the budget is back.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await publish("acme", admin, "later")).status).toBe(202);
  });
});
