// Publishing resolves its API key from a short-lived cache (identity/key-cache.ts); the publish statement re-checks
// the key's stored roles. The attacks: keep publishing with a key after it was revoked, or after its creator was
// demoted or removed — through this server's API, or behind its back (another web server, psql).
import { describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { apiKeys, events as eventsTable, memberships } from "@/lib/db/schema";
import { useTestDatabase } from "@/lib/testing/db";
import { call } from "@/lib/testing/api";
import { addPerson, personKey } from "@/lib/testing/people";
import type { Actor, Role } from "@/lib/server/authz";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as batch from "@/app/api/v1/orgs/[org]/events/batch/route";
import * as keyItem from "@/app/api/v1/orgs/[org]/api-keys/[id]/route";

const t = useTestDatabase();
const acme = { org: "acme" };
const publish = (key: string, id: string) => call(events.POST, { method: "POST", params: acme, key, body: { id, type: "order.created" } });
const publishBatch = (key: string, ids: string[]) =>
  call(batch.POST, { method: "POST", params: acme, key, body: { events: ids.map((id) => ({ id, type: "order.created" })) } });
const stored = async (prefix: string) =>
  (
    await t.db
      .select()
      .from(eventsTable)
      .where(like(eventsTable.id, `${prefix}%`))
  )
    .map((e) => e.id)
    .sort();
const setRoles = (who: Actor, roles: Role[]) =>
  t.db
    .update(memberships)
    .set({ roles })
    .where(and(eq(memberships.userId, who.id), eq(memberships.orgId, who.orgId)));

async function cachedKey(email: string, roles: Role[], prefix: string) {
  const creator = await addPerson(email, ["admin"]);
  const key = await personKey(creator, roles);
  expect((await publish(key, `${prefix}-warm`)).status).toBe(202); // the key's actor is now cached
  return { creator, key };
}

describe("publishing with a cached API key", () => {
  it("stops the moment the key is revoked, through the API or behind the server's back", async () => {
    const viaApi = await cachedKey("rev.api@example.com", ["admin"], "kc1");
    const admin = await personKey(viaApi.creator, ["admin"]);
    const [{ id }] = await t.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.name, `key-of-rev.api@example.com`));
    expect((await call(keyItem.DELETE, { method: "DELETE", params: { ...acme, id }, key: admin })).status).toBe(204);
    expect((await publish(viaApi.key, "kc1-after")).status).toBe(401);

    const behind = await cachedKey("rev.db@example.com", ["admin"], "kc2");
    await t.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.name, "key-of-rev.db@example.com"));
    expect((await publish(behind.key, "kc2-after")).status).toBe(401);
    expect((await publishBatch(behind.key, ["kc2-b1", "kc2-b2"])).status).toBe(401);
    expect([...(await stored("kc1")), ...(await stored("kc2"))]).toEqual(["kc1-warm", "kc2-warm"]);
  });

  it("acts with the creator's roles as they are now: demoted, the key may no longer publish; removed, it is void", async () => {
    const demoted = await cachedKey("demoted@example.com", ["admin", "viewer"], "kc3");
    await setRoles(demoted.creator, ["viewer"]);
    const refused = await publish(demoted.key, "kc3-after");
    expect(refused.status).toBe(403);
    expect((await publishBatch(demoted.key, ["kc3-b"])).status).toBe(403);

    const removed = await cachedKey("removed@example.com", ["admin"], "kc4");
    await t.db.delete(memberships).where(and(eq(memberships.userId, removed.creator.id), eq(memberships.orgId, removed.creator.orgId)));
    expect((await publish(removed.key, "kc4-after")).status).toBe(401);
    expect([...(await stored("kc3")), ...(await stored("kc4"))]).toEqual(["kc3-warm", "kc4-warm"]);
  });

  it("a refusal is never decided on the cache: promoted, the creator's key publishes at once", async () => {
    const creator = await addPerson("promoted.later@example.com", ["admin"]);
    const key = await personKey(creator, ["admin", "viewer"]);
    await setRoles(creator, ["viewer"]);
    expect((await call(events.GET, { params: acme, key })).status).toBe(200);
    expect((await publish(key, "kc6-before")).status).toBe(403); // the key's actor (viewer only) is now cached
    await setRoles(creator, ["admin"]);
    expect((await publish(key, "kc6-after")).status).toBe(202);
    expect(await stored("kc6")).toEqual(["kc6-after"]);
  });

  it("a change that keeps the permission costs nothing: the key is read afresh and the event is accepted", async () => {
    const promoted = await cachedKey("promoted@example.com", ["admin"], "kc5");
    await setRoles(promoted.creator, ["admin", "approver"]);
    expect((await publish(promoted.key, "kc5-after")).status).toBe(202);
    expect((await publishBatch(promoted.key, ["kc5-b"])).json.accepted).toBe(1);
    expect(await stored("kc5")).toEqual(["kc5-after", "kc5-b", "kc5-warm"]);
  });
});
