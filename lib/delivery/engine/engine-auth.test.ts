import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startOAuthServer, type OAuthServer } from "@/lib/testing/oauth-server";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { attempts, deliveries, webhooks } from "@/lib/db/schema";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import type { Worker } from "./worker";

const testDb = useTestDatabase();
let worker: Worker;
let receiver: Receiver;
let oauth: OAuthServer;
beforeAll(async () => {
  worker = await startTestWorker();
  receiver = await startReceiver();
  oauth = await startOAuthServer();
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await oauth?.close();
});

async function oauthHook(rateLimit = 100) {
  const actor = await testActor("acme", ["admin"]);
  const { clientId, clientSecret } = oauth.clients.basic;
  const input = createWebhookSchema.parse(
    webhookBody({ url: `${receiver.url}/${Math.random()}`, rateLimit, auth: { type: "oauth2", tokenUrl: oauth.tokenUrl, clientId, clientSecret } }),
  );
  return { actor, ...(await createWebhook({ actor, input })) };
}
const okTokens = () => oauth.tokenRequestLog.filter((r) => r.status === 200).length;

describe("OAuth2 client credentials against a real oidc-provider", () => {
  it("gets one token (id and secret with : % + / and spaces) and shares it across 50 concurrent deliveries", async () => {
    const { actor, row } = await oauthHook();
    const path = new URL(row.url).pathname;
    const before = okTokens();
    for (let i = 0; i < 50; i++) await publishEvent({ actor, input: { type: "order.created", data: { i } } });
    const got = await waitFor(() => {
      const r = receiver.requests.filter((q) => q.path === path);
      return r.length === 50 && r;
    });
    expect(okTokens() - before).toBe(1);
    const bearer = new Set(got.map((r) => r.headers.authorization));
    expect(bearer.size).toBe(1);
    expect([...bearer][0]).toMatch(/^Bearer \S+$/);
    const logged = await testDb.db
      .select({ h: attempts.requestHeaders })
      .from(attempts)
      .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
      .where(eq(deliveries.webhookId, row.id))
      .limit(1);
    expect(logged[0].h.authorization).toBe("Bearer *****");
    await deleteWebhook({ actor, id: row.id });
  });

  it("on a receiver's 401 it fetches a new token once and retries", async () => {
    const { actor, row } = await oauthHook();
    const path = new URL(row.url).pathname;
    const rejected = new Set<string>();
    receiver.setHandler((r, res) => {
      if (r.path !== path) return res.writeHead(200).end("ok");
      const auth = String(r.headers.authorization);
      if (rejected.size === 0) rejected.add(auth);
      res.writeHead(rejected.has(auth) ? 401 : 200).end(rejected.has(auth) ? "expired" : "ok");
    });
    const before = okTokens();
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    await waitFor(async () => (await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, row.id)))[0]?.status === "succeeded");
    const seen = receiver.requests.filter((r) => r.path === path);
    expect(seen.length).toBe(2);
    expect(seen[0].headers.authorization).not.toBe(seen[1].headers.authorization);
    expect(okTokens() - before).toBe(1); // the first token came from the cache of the test above
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    await deleteWebhook({ actor, id: row.id });
  });

  it("records a token-endpoint failure as auth_token and sends nothing", async () => {
    const actor = await testActor("acme", ["admin"]);
    const input = createWebhookSchema.parse(
      webhookBody({
        url: `${receiver.url}/never`,
        auth: { type: "oauth2", tokenUrl: oauth.tokenUrl, clientId: "nobody", clientSecret: "wrong secret" },
        failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 50 },
      }),
    );
    const { row } = await createWebhook({ actor, input });
    await publishEvent({ actor, input: { type: "order.created", data: {} } });
    const d = await waitFor(async () => {
      const [x] = await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, row.id));
      return x?.status === "diverted" && x;
    });
    expect(d.lastErrorClass).toBe("auth_token");
    expect(receiver.requests.some((r) => r.path === "/never")).toBe(false);
    const [a] = await testDb.db.select().from(attempts).where(eq(attempts.deliveryId, d.id));
    expect(a.errorMessage).not.toContain("wrong secret");
    await deleteWebhook({ actor, id: row.id });
    void webhooks;
  });
});
