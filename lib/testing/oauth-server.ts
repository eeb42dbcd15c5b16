// A real OAuth 2.0 authorization server (oidc-provider) on 127.0.0.1 for tests: client credentials grant only.
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type OAuthTestClient = {
  clientId: string;
  clientSecret: string;
  authMethod: "client_secret_basic" | "client_secret_post";
};

export type TokenRequestRecord = {
  /** The request carried `Authorization: Basic …`. */
  basic: boolean;
  /** The form body carried client_id / client_secret. */
  bodyClientId: boolean;
  bodyClientSecret: boolean;
  grantType?: string;
  scope?: string;
  audience?: string;
  status: number;
  error?: string;
};

export type OAuthServer = {
  url: string;
  tokenUrl: string;
  clients: { basic: OAuthTestClient; post: OAuthTestClient };
  /** Every POST to the token endpoint, in order. */
  tokenRequestLog: TokenRequestRecord[];
  readonly tokenRequests: number;
  close(): Promise<void>;
};

// Characters that break naive Basic encoding: ':' '%' '+' '/' and spaces.
const clients: OAuthServer["clients"] = {
  basic: { clientId: "hook client:1 %+/", clientSecret: "s3cr:et %2B+/ with spaces", authMethod: "client_secret_basic" },
  post: { clientId: "post client:2 %+/", clientSecret: "p0st:secret %+/ x", authMethod: "client_secret_post" },
};

export async function startOAuthServer({ accessTokenTtlSeconds = 300 }: { accessTokenTtlSeconds?: number } = {}): Promise<OAuthServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const provider = new Provider(url, {
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), alg: "ES256", use: "sig" }] },
    clients: Object.values(clients).map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: client.authMethod,
      id_token_signed_response_alg: "ES256",
      scope: "webhooks:write events:read",
    })),
    scopes: ["webhooks:write", "events:read"],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    ttl: { ClientCredentials: accessTokenTtlSeconds },
  });

  const tokenRequestLog: TokenRequestRecord[] = [];
  provider.use(async (ctx, next) => {
    if (ctx.method !== "POST" || ctx.path !== "/token") return next();
    try {
      await next();
    } finally {
      const body = (ctx.oidc?.body ?? {}) as Record<string, string | undefined>;
      const answer = ctx.body as { error?: string } | undefined;
      tokenRequestLog.push({
        basic: /^basic /i.test(ctx.get("authorization")),
        bodyClientId: body.client_id !== undefined,
        bodyClientSecret: body.client_secret !== undefined,
        grantType: body.grant_type,
        scope: body.scope,
        audience: body.audience,
        status: ctx.status,
        error: answer?.error,
      });
    }
  });
  server.on("request", provider.callback());

  return {
    url,
    tokenUrl: `${url}/token`,
    clients,
    tokenRequestLog,
    get tokenRequests() {
      return tokenRequestLog.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
