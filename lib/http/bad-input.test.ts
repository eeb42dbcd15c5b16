import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { webhookBody } from "@/lib/testing/webhooks";
import { MAX_BODY_BYTES } from "./read-body";
import * as apiKeys from "@/app/api/v1/orgs/[org]/api-keys/route";
import * as members from "@/app/api/v1/orgs/[org]/members/route";
import * as member from "@/app/api/v1/orgs/[org]/members/[userId]/route";
import * as webhooks from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as webhook from "@/app/api/v1/orgs/[org]/webhooks/[id]/route";
import * as testEvent from "@/app/api/v1/orgs/[org]/webhooks/[id]/test/route";
import * as unsuspend from "@/app/api/v1/orgs/[org]/webhooks/[id]/unsuspend/route";
import * as eventTypes from "@/app/api/v1/orgs/[org]/event-types/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as settings from "@/app/api/v1/orgs/[org]/settings/route";
import * as redeliverDiverted from "@/app/api/v1/orgs/[org]/diverted-events/redeliver/route";

const testDb = useTestDatabase();
type Handler = Parameters<typeof call>[0];

/** Every table a write could touch: a refused request must leave every count and the settings as they were. */
async function snapshot() {
  const tables = ["api_keys", "users", "memberships", "webhooks", "webhook_versions", "event_types", "events", "deliveries", "attempts", "change_requests"];
  const counts: Record<string, unknown> = {};
  for (const t of tables) {
    const exists = await testDb.db.execute(sql`select to_regclass(${t}) as r`);
    const rows = ("rows" in exists ? exists.rows : exists) as { r: string | null }[];
    if (!rows[0]?.r) continue;
    const res = await testDb.db.execute(sql.raw(`select count(*)::int as n from ${t}`));
    counts[t] = (("rows" in res ? res.rows : res) as { n: number }[])[0].n;
  }
  counts.settings = await testDb.db.execute(sql.raw(`select * from organizations order by id`)).then((r) => JSON.stringify("rows" in r ? r.rows : r));
  return counts;
}

describe("bad input on every write endpoint: a clear error, field-level where a field is at fault, nothing stored", () => {
  const cases = async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const hook = (await call(webhooks.POST, { method: "POST", params: { org: "acme" }, key: admin, body: webhookBody({ name: "Bad input target" }) })).json;
    const someone = (await call(members.GET, { params: { org: "acme" }, key: admin })).json.items[0];
    const id = { org: "acme", id: hook.id };
    const endpoints: [string, Handler, string, Record<string, string>, Record<string, unknown>][] = [
      ["POST /api-keys", apiKeys.POST, "POST", { org: "acme" }, { name: "k", roles: ["viewer"] }],
      ["POST /members", members.POST, "POST", { org: "acme" }, { email: "new.person@example.com", roles: ["viewer"] }],
      ["PATCH /members/{id}", member.PATCH, "PATCH", { org: "acme", userId: someone.userId ?? someone.id }, { roles: ["viewer"] }],
      ["POST /webhooks", webhooks.POST, "POST", { org: "acme" }, webhookBody({ name: "Bad input new" })],
      ["PATCH /webhooks/{id}", webhook.PATCH, "PATCH", id, { rateLimit: 20 }],
      ["POST /webhooks/{id}/test", testEvent.POST, "POST", id, { eventType: "order.created" }],
      ["POST /webhooks/{id}/unsuspend", unsuspend.POST, "POST", id, { redeliverDiverted: true }],
      ["POST /event-types", eventTypes.POST, "POST", { org: "acme" }, { name: "bad.input", description: "d", examplePayload: {} }],
      ["POST /events", events.POST, "POST", { org: "acme" }, { type: "order.created", data: {} }],
      ["PATCH /settings", settings.PATCH, "PATCH", { org: "acme" }, { approvalExpiryDays: 3 }],
      ["POST /diverted-events/redeliver", redeliverDiverted.POST, "POST", { org: "acme" }, { webhookId: hook.id }],
    ];
    return { admin, endpoints };
  };

  it("answers malformed JSON with 400, an oversized body with 413, an unknown field with a field error naming it", async () => {
    const { admin, endpoints } = await cases();
    const oversized = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    const first = await snapshot();
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(8); // the tables are really there
    for (const [label, handler, method, params, valid] of endpoints) {
      const before = await snapshot();
      const malformed = await call(handler, { method, params, key: admin, body: "{ not json" });
      expect([label, malformed.status, malformed.headers.get("content-type")]).toEqual([label, 400, expect.stringContaining("application/problem+json")]);
      const big = await call(handler, { method, params, key: admin, body: oversized });
      expect([label, big.status]).toEqual([label, 413]);
      const unknown = await call(handler, { method, params, key: admin, body: { ...valid, bogusField: 1 } });
      expect([label, unknown.status]).toEqual([label, expect.toSatisfy((s: number) => s === 400 || s === 422)]);
      const paths = (unknown.json.errors ?? []).map((e: { path: string }) => e.path).join(" ");
      expect([label, paths]).toEqual([label, expect.stringContaining("bogusField")]);
      expect([label, await snapshot()]).toEqual([label, before]);
    }
  });
});
