import "server-only";
import dns from "node:dns/promises";
import { randomUUID } from "node:crypto";
import type { AuthConfig } from "@/lib/db/schema";
import type { CheckResult } from "@/lib/schemas/approvals";
import { env } from "@/lib/env";
import { createHttpClient } from "@/lib/delivery/http-client";
import { createTokenClient } from "@/lib/delivery/oauth";
import { checkTargetUrl, isBlockedAddress, parseHostLiteral, type AllowedCidrs } from "@/lib/delivery/ssrf";
import { signPayload } from "@/lib/delivery/sign";
import { scrubText } from "@/lib/delivery/scrub";

/** authSecret "" means: probe without a credential (a proposed new origin, DESIGN §7). */
export type ProbeTarget = { url: string; auth: AuthConfig; headers: Record<string, string[]>; authSecret: string; signingSecret: string };
type Policy = { allowHttp: boolean; allowedCidrs: AllowedCidrs };

const TIMEOUT_MS = 10_000;
const NO_CREDENTIAL =
  "the proposal moves the credential to a new origin, and the live credential never travels to an unapproved host. Enter the credential in the request to check it.";

/** The save-time URL rules plus what DNS says now: every address a name resolves to must be allowed. */
async function checkUrls(urls: string[], policy: Policy): Promise<string[]> {
  const problems: string[] = [];
  for (const url of urls) {
    const found = checkTargetUrl(url, policy).map((p) => `${url}: ${p.message}`);
    problems.push(...found);
    if (found.length) continue;
    const host = new URL(url).hostname;
    if (parseHostLiteral(host) !== null) continue;
    try {
      const addresses = await dns.lookup(host, { all: true });
      const blocked = addresses.filter((a) => isBlockedAddress(a.address, policy.allowedCidrs));
      if (blocked.length) problems.push(`${host} resolves to a blocked address`);
    } catch {
      problems.push(`${host} does not resolve`);
    }
  }
  return problems;
}

/**
 * Pre-approval checks against the proposed target: URL rules (SSRF), the OAuth token endpoint, a signed test ping.
 * Details never carry a credential or the receiver's body: approvers read them.
 */
export async function probeTarget(target: ProbeTarget, policy: Policy): Promise<CheckResult[]> {
  const scrub = (text: string, extra: string[] = []) => scrubText(text, [target.authSecret, ...extra]).slice(0, 300);
  const oauth = target.auth.type === "oauth2" ? target.auth : null;
  const results: CheckResult[] = [];

  const problems = await checkUrls(oauth ? [target.url, oauth.tokenUrl] : [target.url], policy);
  results.push({
    name: "url",
    label: "URL passes the SSRF rules",
    status: problems.length ? "failed" : "passed",
    detail: problems.length ? problems.join("; ") : "HTTPS rules met; every resolved address is public.",
  });

  const http = createHttpClient({ allowedCidrs: policy.allowedCidrs, connections: 2, timeoutMs: TIMEOUT_MS });
  try {
    let bearer: string | undefined;
    if (!oauth)
      results.push({ name: "oauth_token", label: "OAuth token endpoint answers", status: "skipped", detail: "This webhook authenticates with an API key." });
    else if (problems.length) results.push({ name: "oauth_token", label: "OAuth token endpoint answers", status: "skipped", detail: "Fix the URLs first." });
    else if (!target.authSecret) results.push({ name: "oauth_token", label: "OAuth token endpoint answers", status: "skipped", detail: NO_CREDENTIAL });
    else {
      const started = performance.now();
      try {
        const token = await createTokenClient({ httpClient: http }).getToken({
          tokenUrl: oauth.tokenUrl,
          clientId: oauth.clientId,
          clientSecret: target.authSecret,
          scope: oauth.scope,
          audience: oauth.audience,
        });
        bearer = token.accessToken;
        const seconds = Math.round((token.expiresAt - Date.now()) / 1000);
        results.push({
          name: "oauth_token",
          label: "OAuth token endpoint answers",
          status: "passed",
          detail: `Issued a ${token.tokenType} token valid for ${seconds} s.`,
          durationMs: Math.round(performance.now() - started),
        });
      } catch (err) {
        results.push({
          name: "oauth_token",
          label: "OAuth token endpoint answers",
          status: "failed",
          detail: scrub(err instanceof Error ? err.message : "Token request failed."),
          durationMs: Math.round(performance.now() - started),
        });
      }
    }

    const label = "Receiver answers a test ping";
    if (problems.length) results.push({ name: "ping", label, status: "skipped", detail: "Fix the URLs first." });
    else if (oauth && !bearer) results.push({ name: "ping", label, status: "skipped", detail: "Needs an access token from the token endpoint." });
    else {
      const id = `msg_${randomUUID()}`;
      const timestamp = Math.floor(Date.now() / 1000);
      const body = JSON.stringify({ id, type: "webhook.ping", source: env().EVENT_SOURCE, time: new Date().toISOString(), object: "event", is_test: true });
      const headers: Record<string, string> = {};
      for (const [name, values] of Object.entries(target.headers)) headers[name.toLowerCase()] = values.join(", ");
      if (oauth) headers.authorization = `Bearer ${bearer}`;
      else if (target.authSecret) headers[target.auth.type === "api_key" ? target.auth.header.toLowerCase() : "x-api-key"] = target.authSecret;
      Object.assign(headers, {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signPayload({ id, timestamp, body, secrets: [target.signingSecret] }),
      });
      const res = await http.send({ url: target.url, headers, body, keepBytes: 0 });
      const unauthenticated = !oauth && !target.authSecret ? ` Sent without credentials: ${NO_CREDENTIAL}` : "";
      const detail =
        res.status !== undefined
          ? `Answered HTTP ${res.status} in ${res.durationMs} ms.${unauthenticated}`
          : `No answer (${res.errorClass}): ${scrub(res.errorMessage ?? "", bearer ? [bearer] : [])}`;
      results.push({ name: "ping", label, status: res.ok ? "passed" : "failed", detail, durationMs: res.durationMs });
    }
  } finally {
    await http.close();
  }
  return results;
}
