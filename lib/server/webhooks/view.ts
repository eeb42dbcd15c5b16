import "server-only";
import type { webhooks } from "@/lib/db/schema";
import { MASK, type Webhook } from "@/lib/schemas/webhooks";

export type WebhookRow = typeof webhooks.$inferSelect;

/** Custom headers with each secret one's value "*****" (stored so already; masked again here so no path can leak one). */
function secretHeadersView(row: Pick<WebhookRow, "headers" | "secretHeaders">) {
  const secret = new Set(Object.keys(row.secretHeaders ?? {}));
  const names = Object.keys(row.headers).filter((n) => secret.has(n.toLowerCase()));
  const headers = Object.fromEntries(Object.entries(row.headers).map(([n, v]) => [n, secret.has(n.toLowerCase()) ? [MASK] : v]));
  return { headers, secretHeaders: names };
}

/** The one place a stored webhook becomes what leaves the server: every credential is "*****". */
export function toWebhookView(row: WebhookRow, pendingChangeRequestId: string | null = null, backlog: number | null = null): Webhook {
  const auth =
    row.auth.type === "api_key"
      ? { type: "api_key" as const, header: row.auth.header, key: MASK }
      : {
          type: "oauth2" as const,
          tokenUrl: row.auth.tokenUrl,
          clientId: row.auth.clientId,
          clientSecret: MASK,
          scope: row.auth.scope ?? null,
          audience: row.auth.audience ?? null,
        };
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    auth,
    signingSecret: MASK,
    eventTypes: row.eventTypes,
    rateLimit: row.rateLimit,
    ...secretHeadersView(row),
    failureHandling: row.failureHandling,
    payload: row.payloadMode,
    enabled: row.enabled,
    status: row.status,
    statusReason: row.statusReason,
    suspended: row.status === "suspended",
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    consecutiveFailures: row.consecutiveFailures,
    paused: row.pausedAt !== null,
    pausedAt: row.pausedAt?.toISOString() ?? null,
    backlog: row.pausedAt ? backlog : null,
    version: row.version,
    pendingChangeRequestId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A version's secret-free configuration: credentials masked, their changes named in `secretsChanged`. */
export function configSnapshot(row: WebhookRow, secretsChanged: string[] = []) {
  const {
    id: _id,
    status: _s,
    statusReason: _r,
    suspended: _u,
    suspendedAt: _a,
    consecutiveFailures: _c,
    paused: _pa,
    pausedAt: _pt,
    backlog: _b,
    version: _v,
    pendingChangeRequestId: _p,
    createdAt: _ca,
    updatedAt: _ua,
    ...config
  } = toWebhookView(row);
  return { ...config, secretsChanged };
}
