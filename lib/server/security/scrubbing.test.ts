import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startOAuthServer, type OAuthServer } from "@/lib/testing/oauth-server";
import { startTestWorker, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { attempts } from "@/lib/db/schema";
import { credentialForms } from "@/lib/delivery/scrub";
import { createGuardedLookup } from "@/lib/delivery/ssrf";
import type { Worker } from "@/lib/delivery/engine/worker";
import * as webhooksRoute from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as testRoute from "@/app/api/v1/orgs/[org]/webhooks/[id]/test/route";
import * as deliveryRoute from "@/app/api/v1/orgs/[org]/deliveries/[id]/route";

// A hostile receiver: echoes every request header into its body (raw, URL-encoded, base64) and into its own headers.
const testDb = useTestDatabase();
let worker: Worker;
let receiver: Receiver;
let oauth: OAuthServer;
beforeAll(async () => {
  worker = await startTestWorker();
  oauth = await startOAuthServer();
  receiver = await startReceiver({
    handler: (request, res) => {
      const dump = JSON.stringify(request.headers);
      const echoed = Object.fromEntries(
        Object.entries(request.headers)
          .filter(([name]) => ["x-api-key", "authorization", "x-partner-key"].includes(name))
          .map(([name, value]) => [`x-echo-${name}`, String(value)]),
      );
      const auth = String(request.headers.authorization ?? request.headers["x-api-key"] ?? "");
      res.writeHead(500, { "content-type": "application/json", ...echoed }).end(
        JSON.stringify({
          dump,
          urlEncoded: encodeURIComponent(auth),
          base64: Buffer.from(auth).toString("base64"),
          basic: `Basic ${Buffer.from(`user:${auth}`).toString("base64")}`,
        }),
      );
    },
  });
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await oauth?.close();
});

/** Sends a test event as a tester, waits for its first attempt, reads it back as a viewer through the API. */
async function attemptAsViewer(webhookId: string) {
  const tester = await createTestKey("acme", ["tester"]);
  const viewer = await createTestKey("acme", ["viewer"]);
  const sent = await call(testRoute.POST, { method: "POST", params: { org: "acme", id: webhookId }, key: tester, body: { eventType: "order.created" } });
  expect(sent.status).toBe(202);
  const read = await waitFor(async () => {
    const r = await call(deliveryRoute.GET, { params: { org: "acme", id: sent.json.delivery.id }, key: viewer });
    return r.json?.attempts_?.length > 0 && r;
  });
  const [row] = await testDb.db.select().from(attempts).where(eq(attempts.deliveryId, sent.json.delivery.id));
  return { text: read.text, attempt: read.json.attempts_[0], stored: JSON.stringify(row) };
}

function expectNoForm(text: string, secret: string) {
  for (const form of credentialForms(secret)) expect(text, `contains ${form}`).not.toContain(form);
}

describe("credentials a receiver echoes never reach a stored attempt", () => {
  it("API key: raw, URL-encoded, base64 and inside Basic are scrubbed from the body; the request headers show *****", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const key = "echo-me-key/+=%42-secret";
    const created = await call(webhooksRoute.POST, {
      method: "POST",
      params: { org: "acme" },
      key: admin,
      body: webhookBody({ url: `${receiver.url}/api-key`, auth: { type: "api_key", header: "X-Api-Key", key } }),
    });
    expect(created.status).toBe(201);
    const { text, attempt, stored } = await attemptAsViewer(created.json.id);
    // The receiver really got (and echoed) the key: the scrubber had something to do.
    expect(receiver.requests.at(-1)!.headers["x-api-key"]).toBe(key);
    expect(attempt.responseStatus).toBe(500);
    expect(attempt.responseBody).toContain("*****");
    expect(attempt.requestHeaders["x-api-key"]).toBe("*****");
    expectNoForm(text, key);
    expectNoForm(stored, key);
  });

  it("OAuth: the bearer token and the client secret are scrubbed", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const { clientId, clientSecret } = oauth.clients.basic;
    const created = await call(webhooksRoute.POST, {
      method: "POST",
      params: { org: "acme" },
      key: admin,
      body: webhookBody({ url: `${receiver.url}/oauth`, auth: { type: "oauth2", tokenUrl: oauth.tokenUrl, clientId, clientSecret } }),
    });
    expect(created.status).toBe(201);
    const { text, stored, attempt } = await attemptAsViewer(created.json.id);
    const bearer = String(receiver.requests.at(-1)!.headers.authorization);
    expect(bearer).toMatch(/^Bearer \S{10,}$/);
    const token = bearer.slice("Bearer ".length);
    expect(attempt.responseBody).toContain("*****");
    expectNoForm(text, token);
    expectNoForm(stored, token);
    expectNoForm(text, clientSecret);
  });
});

describe("blocked-address errors", () => {
  it("name the host the admin configured, never the internal address it resolved to", async () => {
    const lookup = createGuardedLookup({
      resolve: ((_host: string, _opts: unknown, cb: (err: null, addrs: { address: string; family: number }[]) => void) =>
        cb(null, [{ address: "10.20.30.40", family: 4 }])) as never,
    });
    const err = await new Promise<Error>((resolve) => lookup("internal.example.com", { all: true }, (e) => resolve(e as Error)));
    expect(err.message).toBe("refused to connect to internal.example.com: blocked address");
    expect(err.message).not.toContain("10.20.30.40");
  });
});
