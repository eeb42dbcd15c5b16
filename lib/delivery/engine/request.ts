import "server-only";
import type { AuthConfig } from "@/lib/db/schema";
import { signPayload } from "../sign";

export const USER_AGENT = "WebhookConsole/1.0 (+https://github.com/webhook-console)";

export type EventRecord = { id: string; type: string; source: string; time: Date; data: unknown; isTest: boolean };

/** The Paxos envelope; `full` payload mode adds the event data (thin receivers call Get Event). */
export function envelope(event: EventRecord, payloadMode: "thin" | "full") {
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    time: event.time.toISOString(),
    object: "event",
    is_test: event.isTest,
    ...(payloadMode === "full" ? { data: event.data } : {}),
  };
}

/** Standard Webhooks headers + auth + custom headers. Pure: the caller supplies secrets and the bearer token. */
export function buildHeaders({
  eventId,
  body,
  timestamp,
  signingSecrets,
  auth,
  authSecret,
  bearerToken,
  custom,
}: {
  eventId: string;
  body: string;
  timestamp: number;
  signingSecrets: string[];
  auth: AuthConfig;
  authSecret: string;
  bearerToken?: string;
  custom: Record<string, string[]>;
}): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(custom)) headers[name.toLowerCase()] = values.join(", ");
  if (auth.type === "api_key") headers[auth.header.toLowerCase()] = authSecret;
  else headers.authorization = `Bearer ${bearerToken}`;
  headers["content-type"] = "application/json";
  headers["user-agent"] = USER_AGENT;
  headers["webhook-id"] = eventId;
  headers["webhook-timestamp"] = String(timestamp);
  headers["webhook-signature"] = signPayload({ id: eventId, timestamp, body, secrets: signingSecrets });
  return headers;
}

/** What the attempt log keeps: credentials and secret custom headers (lower-cased names) redacted, the signature shown. */
export function redactHeaders(headers: Record<string, string>, auth: AuthConfig, secretHeaderNames: readonly string[] = []): Record<string, string> {
  const out = { ...headers };
  for (const name of secretHeaderNames) if (out[name] !== undefined) out[name] = "*****";
  if (auth.type === "api_key") out[auth.header.toLowerCase()] = "*****";
  if (out.authorization) out.authorization = out.authorization.startsWith("Bearer ") ? "Bearer *****" : "*****";
  return out;
}
