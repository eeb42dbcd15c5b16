import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { HttpClient } from "./http-client";

export type TokenRequest = { tokenUrl: string; clientId: string; clientSecret: string; scope?: string; audience?: string };
export type AccessToken = { accessToken: string; tokenType: string; expiresAt: number; key: string };
export type TokenClient = {
  getToken(request: TokenRequest): Promise<AccessToken>;
  /** Drops a cached token (after a receiver's 401); with `accessToken`, only if that is still the one cached. */
  evict(key: string, accessToken?: string): void;
};

export class TokenError extends Error {
  readonly errorClass = "auth_token";
  constructor(
    message: string,
    readonly status?: number,
    readonly oauthError?: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

const DEFAULT_EXPIRES_IN_SECONDS = 300;
const REFRESH_BEFORE_EXPIRY_MS = 30_000;
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

// Paxos sends Basic and body credentials together; RFC 6749 servers (oidc-provider among them)
// refuse two mechanisms with invalid_request, so fall back to one at a time and remember what worked.
type AuthMode = "both" | "basic" | "post";
const AUTH_MODES: AuthMode[] = ["both", "basic", "post"];
const FALLBACK_STATUSES = new Set([400, 401]);
const FALLBACK_ERRORS = new Set(["invalid_request", "invalid_client", "unauthorized_client"]);

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().finite().optional().catch(undefined),
});
const errorResponseSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const formUrlEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export function tokenCacheKey({ tokenUrl, clientId, clientSecret, scope, audience }: TokenRequest): string {
  return JSON.stringify([tokenUrl, clientId, scope ?? null, audience ?? null, sha256(clientSecret)]);
}

function requestFor(request: TokenRequest, mode: AuthMode) {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (request.scope) form.set("scope", request.scope);
  if (request.audience) form.set("audience", request.audience);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (mode !== "post") {
    const credentials = `${formUrlEncode(request.clientId)}:${formUrlEncode(request.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }
  if (mode !== "basic") {
    form.set("client_id", request.clientId);
    form.set("client_secret", request.clientSecret);
  }
  const body = form.toString();
  return { url: request.tokenUrl, method: "POST" as const, headers, body, keepBytes: MAX_TOKEN_RESPONSE_BYTES };
}

/** Removes the secret, raw or encoded, from anything the token endpoint echoed back. */
function scrub(text: string, secret: string): string {
  const forms = [secret, formUrlEncode(secret), encodeURIComponent(secret)].filter((form) => form.length > 0);
  return forms.reduce((out, form) => out.split(form).join("*****"), text).slice(0, 300);
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}

function tokenEndpointError(status: number, json: unknown, secret: string): TokenError {
  const parsed = errorResponseSchema.safeParse(json);
  if (!parsed.success) return new TokenError(`token endpoint answered HTTP ${status}`, status);
  const detail = [parsed.data.error, parsed.data.error_description].filter(Boolean).join(": ");
  return new TokenError(`token endpoint answered HTTP ${status} (${scrub(detail, secret)})`, status, parsed.data.error);
}

export function createTokenClient({ httpClient, now = Date.now }: { httpClient: Pick<HttpClient, "send">; now?: () => number }): TokenClient {
  const cache = new Map<string, { token: AccessToken; refreshAt: number }>();
  const inFlight = new Map<string, Promise<AccessToken>>();
  const learnedModes = new Map<string, AuthMode>();

  function remember(key: string, token: AccessToken, issuedAt: number) {
    for (const [staleKey, entry] of cache) if (entry.token.expiresAt <= issuedAt) cache.delete(staleKey);
    const refreshAt = token.expiresAt - REFRESH_BEFORE_EXPIRY_MS;
    if (refreshAt > issuedAt) cache.set(key, { token, refreshAt });
  }

  async function fetchToken(request: TokenRequest, key: string): Promise<AccessToken> {
    const modeKey = JSON.stringify([request.tokenUrl, request.clientId]);
    const learned = learnedModes.get(modeKey);
    let failure: TokenError | undefined;
    for (const mode of learned ? [learned] : AUTH_MODES) {
      const result = await httpClient.send(requestFor(request, mode));
      if (result.status === undefined) {
        const reason = scrub(result.errorMessage ?? "", request.clientSecret);
        throw new TokenError(`token request failed (${result.errorClass}): ${reason}`);
      }
      const json = parseJson(result.body);
      if (!result.ok) {
        failure = tokenEndpointError(result.status, json, request.clientSecret);
        if (FALLBACK_STATUSES.has(result.status) && FALLBACK_ERRORS.has(failure.oauthError ?? "")) continue;
        throw failure;
      }
      const parsed = tokenResponseSchema.safeParse(json);
      if (!parsed.success) {
        throw new TokenError(`token endpoint answered HTTP ${result.status} without an access_token`, result.status);
      }
      learnedModes.set(modeKey, mode);
      const issuedAt = now();
      const token: AccessToken = {
        accessToken: parsed.data.access_token,
        tokenType: parsed.data.token_type ?? "Bearer",
        expiresAt: issuedAt + (parsed.data.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000,
        key,
      };
      remember(key, token, issuedAt);
      return token;
    }
    learnedModes.delete(modeKey);
    throw failure ?? new TokenError("token request failed");
  }

  function getToken(request: TokenRequest): Promise<AccessToken> {
    const key = tokenCacheKey(request);
    const cached = cache.get(key);
    if (cached && cached.refreshAt > now()) return Promise.resolve(cached.token);
    const pending = inFlight.get(key);
    if (pending) return pending;
    const fetching = fetchToken(request, key).finally(() => inFlight.delete(key));
    inFlight.set(key, fetching);
    return fetching;
  }

  function evict(key: string, accessToken?: string) {
    const cached = cache.get(key);
    if (cached && (accessToken === undefined || cached.token.accessToken === accessToken)) cache.delete(key);
  }

  return { getToken, evict };
}
