import type { AuthConfig, FailureHandling } from "@/lib/db/schema";
import { MASK, type UpdateWebhookInput } from "@/lib/schemas/webhooks";
import type { FieldError } from "../errors";
import { destinationMoves, keptCredentialError } from "@/lib/schemas/credential-binding";
import { planSecretHeaders, type SecretHeaderPlan } from "./secret-header-plan";

/** The editable configuration of a webhook, secrets excluded. */
export type WebhookConfig = {
  name: string;
  url: string;
  auth: AuthConfig;
  eventTypes: string[];
  rateLimit: number;
  headers: Record<string, string[]>;
  failureHandling: FailureHandling;
  payloadMode: "thin" | "full";
  enabled: boolean;
};

export type MergeResult = {
  next: WebhookConfig;
  changed: (keyof WebhookConfig)[];
  /** undefined: keep the stored credential; null: generate one; string: store this one. */
  authSecret: string | null | undefined;
  errors: FieldError[];
  /** Secret custom headers after the change; `next.headers` shows them as "*****". */
  secretHeaders: SecretHeaderPlan;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const lower = (s: string) => s.toLowerCase();

/** Applies a PATCH (Socotra semantics: removals first, then additions) to the current configuration. Pure. */
export function mergeWebhookPatch(current: WebhookConfig, patch: UpdateWebhookInput, wasSecret: string[] = []): MergeResult {
  const errors: FieldError[] = [];
  const next: WebhookConfig = { ...current, headers: { ...current.headers }, eventTypes: [...current.eventTypes] };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.url !== undefined) next.url = patch.url;
  if (patch.rateLimit !== undefined) next.rateLimit = patch.rateLimit;
  if (patch.failureHandling !== undefined) next.failureHandling = patch.failureHandling;
  if (patch.payload !== undefined) next.payloadMode = patch.payload;
  if (patch.enabled !== undefined) next.enabled = patch.enabled;

  if (patch.eventTypes !== undefined) next.eventTypes = [...patch.eventTypes];
  if (patch.removeEventTypes) next.eventTypes = next.eventTypes.filter((t) => !patch.removeEventTypes!.includes(t));
  for (const t of patch.addEventTypes ?? []) if (!next.eventTypes.includes(t)) next.eventTypes.push(t);
  next.eventTypes = [...new Set(next.eventTypes)];
  if (next.eventTypes.length === 0) errors.push({ path: "eventTypes", message: "A webhook needs at least one event type." });

  if (patch.headers !== undefined) next.headers = { ...patch.headers };
  for (const name of patch.removeHeaders ?? []) for (const k of Object.keys(next.headers)) if (lower(k) === lower(name)) delete next.headers[k];
  for (const [name, values] of Object.entries(patch.addHeaders ?? {})) {
    for (const k of Object.keys(next.headers)) if (lower(k) === lower(name)) delete next.headers[k];
    next.headers[name] = values;
  }
  if (Object.keys(next.headers).length > 20) errors.push({ path: "headers", message: "At most 20 custom headers." });
  const secretHeaders = planSecretHeaders({ headers: next.headers, requested: patch.secretHeaders, wasSecret, urlBefore: current.url, urlAfter: next.url });
  next.headers = secretHeaders.headers;
  errors.push(...secretHeaders.errors);

  let authSecret: string | null | undefined;
  if (patch.auth) {
    const a = patch.auth;
    const sameType = a.type === current.auth.type;
    if (a.type === "api_key") {
      next.auth = { type: "api_key", header: a.header };
      if (a.generateKey) {
        if (a.key && a.key !== MASK) errors.push({ path: "auth.key", message: "Enter a key or ask for a generated one, not both." });
        authSecret = null;
      } else if (a.key && a.key !== MASK) authSecret = a.key;
      else if (!sameType) authSecret = null; // switching to an API key without one: the server generates it
    } else {
      next.auth = {
        type: "oauth2",
        tokenUrl: a.tokenUrl,
        clientId: a.clientId,
        ...(a.scope ? { scope: a.scope } : {}),
        ...(a.audience ? { audience: a.audience } : {}),
      };
      if (a.clientSecret !== MASK) authSecret = a.clientSecret;
      else if (!sameType) errors.push({ path: "auth.clientSecret", message: "Enter the client secret: switching to OAuth needs one." });
    }
  }

  // The credential is bound to its destination: moving it (origin or header name) needs a new one, never "*****".
  const moves = authSecret === undefined ? destinationMoves(current, next) : [];
  if (moves.length && current.auth.type === next.auth.type) errors.push(keptCredentialError(next.auth.type, moves));

  const changed = (Object.keys(next) as (keyof WebhookConfig)[]).filter((k) => !same(next[k], current[k]));
  if (authSecret !== undefined && !changed.includes("auth")) changed.push("auth");
  const secretSetMoved = !same([...wasSecret].sort(), [...secretHeaders.secretNames].sort());
  if ((secretSetMoved || Object.keys(secretHeaders.fresh).length) && !changed.includes("headers")) changed.push("headers");
  return { next, changed, authSecret, errors, secretHeaders };
}
