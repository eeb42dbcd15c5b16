import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOAuthServer, type OAuthServer } from "@/lib/testing/oauth-server";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { createHttpClient, type HttpClient } from "./http-client";
import { createTokenClient, TokenError, type TokenRequest } from "./oauth";
import { parseAllowedCidrs } from "./ssrf";

let server: OAuthServer;
let fakeEndpoint: Receiver;
let httpClient: HttpClient;
let clock: number;
const now = () => clock;

beforeAll(async () => {
  server = await startOAuthServer();
  fakeEndpoint = await startReceiver();
  httpClient = createHttpClient({ allowedCidrs: parseAllowedCidrs("127.0.0.0/8") });
});
afterAll(async () => {
  await httpClient.close();
  await server.close();
  await fakeEndpoint.close();
});
beforeEach(() => {
  clock = 1_000_000;
  server.tokenRequestLog.length = 0;
  fakeEndpoint.requests.length = 0;
});

const basicClient = (extra: Partial<TokenRequest> = {}): TokenRequest => ({
  tokenUrl: server.tokenUrl,
  clientId: server.clients.basic.clientId,
  clientSecret: server.clients.basic.clientSecret,
  ...extra,
});
const postClient = (): TokenRequest => ({
  tokenUrl: server.tokenUrl,
  clientId: server.clients.post.clientId,
  clientSecret: server.clients.post.clientSecret,
});

describe("createTokenClient against oidc-provider", () => {
  it("gets a token for a client_secret_basic client whose id and secret need encoding", async () => {
    const tokens = createTokenClient({ httpClient, now });
    const token = await tokens.getToken(basicClient({ scope: "events:read", audience: "https://receiver.example" }));
    expect(token).toMatchObject({ tokenType: "Bearer", expiresAt: clock + 300_000 });
    expect(token.accessToken).toMatch(/^\S{20,}$/);
    // Both mechanisms go first (Paxos); oidc-provider insists on one, so Basic alone follows.
    expect(server.tokenRequestLog).toEqual([
      expect.objectContaining({ basic: true, bodyClientSecret: true, status: 400, error: "invalid_request" }),
      expect.objectContaining({
        basic: true,
        bodyClientSecret: false,
        grantType: "client_credentials",
        scope: "events:read",
        audience: "https://receiver.example",
        status: 200,
      }),
    ]);
  });

  it("gets a token for a client_secret_post client", async () => {
    // oidc-provider takes either secret mechanism from any client_secret_* client, so Basic alone wins here too.
    const tokens = createTokenClient({ httpClient, now });
    await tokens.getToken(postClient());
    expect(server.tokenRequestLog).toMatchObject([
      { basic: true, bodyClientId: true, bodyClientSecret: true, status: 400 },
      { basic: true, bodyClientSecret: false, status: 200 },
    ]);
  });

  it("shares one token request between 50 concurrent callers", async () => {
    const tokens = createTokenClient({ httpClient, now });
    const first = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken(basicClient())));
    expect(new Set(first.map((t) => t.accessToken)).size).toBe(1);
    expect(server.tokenRequests).toBe(2); // one flow: both mechanisms refused, then Basic alone
    expect(server.tokenRequestLog.filter((r) => r.status === 200)).toHaveLength(1);

    tokens.evict(first[0].key);
    server.tokenRequestLog.length = 0;
    const second = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken(basicClient())));
    expect(server.tokenRequests).toBe(1);
    expect(new Set(second.map((t) => t.accessToken))).toEqual(new Set([second[0].accessToken]));
    expect(second[0].accessToken).not.toBe(first[0].accessToken);
  });

  it("caches per token URL, client, scope, audience and secret until 30 s before expiry", async () => {
    const tokens = createTokenClient({ httpClient, now });
    const token = await tokens.getToken(basicClient());
    const requests = server.tokenRequests;
    clock += 269_000;
    expect((await tokens.getToken(basicClient())).accessToken).toBe(token.accessToken);
    expect(server.tokenRequests).toBe(requests);

    const scoped = await tokens.getToken(basicClient({ scope: "webhooks:write" }));
    expect(scoped.accessToken).not.toBe(token.accessToken);
    expect(scoped.key).not.toBe(token.key);
    expect(server.tokenRequests).toBe(requests + 1);

    clock += 2_000;
    expect((await tokens.getToken(basicClient())).accessToken).not.toBe(token.accessToken);
    expect(server.tokenRequests).toBe(requests + 2);
  });

  it("evicts only the token that failed", async () => {
    const tokens = createTokenClient({ httpClient, now });
    const stale = await tokens.getToken(basicClient());
    tokens.evict(stale.key, stale.accessToken);
    const fresh = await tokens.getToken(basicClient());
    tokens.evict(stale.key, stale.accessToken);
    expect((await tokens.getToken(basicClient())).accessToken).toBe(fresh.accessToken);
  });

  it("throws an auth_token error that never contains the secret", async () => {
    const tokens = createTokenClient({ httpClient, now });
    const secret = "wrong secret: %+/ do-not-leak";
    const error = await tokens.getToken(basicClient({ clientSecret: secret })).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ errorClass: "auth_token", status: 401, oauthError: "invalid_client" });
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(text).not.toContain("do-not-leak");
    expect(text).not.toContain(encodeURIComponent(secret));
  });
});

describe("createTokenClient against odd token endpoints", () => {
  const fakeRequest = (): TokenRequest => ({ tokenUrl: `${fakeEndpoint.url}/token`, clientId: "id", clientSecret: "sekrit-value" });

  it("defaults expires_in to 300 s", async () => {
    fakeEndpoint.setHandler((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"access_token":"abc"}'));
    const tokens = createTokenClient({ httpClient, now });
    expect(await tokens.getToken(fakeRequest())).toMatchObject({ accessToken: "abc", tokenType: "Bearer", expiresAt: clock + 300_000 });
    expect(fakeEndpoint.requests).toHaveLength(1);
    expect(fakeEndpoint.requests[0].headers).toMatchObject({ "content-type": "application/x-www-form-urlencoded" });
    expect(new URLSearchParams(fakeEndpoint.requests[0].body).get("client_secret")).toBe("sekrit-value");
  });

  it("sends both mechanisms in one request to a server that accepts that", async () => {
    fakeEndpoint.setHandler((_req, res) => res.writeHead(200).end('{"access_token":"both","expires_in":60}'));
    await createTokenClient({ httpClient, now }).getToken(fakeRequest());
    expect(fakeEndpoint.requests).toHaveLength(1);
    const [{ headers, body }] = fakeEndpoint.requests;
    expect(headers.authorization).toBe(`Basic ${Buffer.from("id:sekrit-value").toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      grant_type: "client_credentials",
      client_id: "id",
      client_secret: "sekrit-value",
    });
  });

  it("falls back to body credentials for a server that refuses Basic, and remembers it", async () => {
    fakeEndpoint.setHandler((req, res) =>
      req.headers.authorization ? res.writeHead(401).end('{"error":"invalid_client"}') : res.writeHead(200).end('{"access_token":"post-only","expires_in":60}'),
    );
    const tokens = createTokenClient({ httpClient, now });
    const token = await tokens.getToken(fakeRequest());
    expect(token.accessToken).toBe("post-only");
    expect(fakeEndpoint.requests.map((r) => [Boolean(r.headers.authorization), r.body.includes("client_secret=")])).toEqual([
      [true, true],
      [true, false],
      [false, true],
    ]);
    tokens.evict(token.key);
    await tokens.getToken(fakeRequest());
    expect(fakeEndpoint.requests).toHaveLength(4);
    expect(fakeEndpoint.requests[3].headers.authorization).toBeUndefined();
  });

  it.each([
    [500, "oops sekrit-value", /HTTP 500$/],
    [200, "not json", /without an access_token/],
    [400, '{"error":"invalid_scope","error_description":"bad sekrit-value"}', /invalid_scope: bad \*\*\*\*\*/],
  ])("reports HTTP %i without the secret", async (status, body, message) => {
    fakeEndpoint.setHandler((_req, res) => res.writeHead(status, { "content-type": "application/json" }).end(body));
    const error = await createTokenClient({ httpClient, now })
      .getToken(fakeRequest())
      .catch((err: Error) => err);
    expect(error).toMatchObject({ errorClass: "auth_token", status });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("sekrit");
    expect(fakeEndpoint.requests).toHaveLength(1);
  });

  it("sends the token request through the SSRF guard", async () => {
    const guarded = createHttpClient();
    const error = await createTokenClient({ httpClient: guarded })
      .getToken(fakeRequest())
      .catch((err: Error) => err);
    expect(error).toMatchObject({ errorClass: "auth_token", message: expect.stringContaining("blocked_address") });
    expect(fakeEndpoint.requests).toHaveLength(0);
    await guarded.close();
  });
});
