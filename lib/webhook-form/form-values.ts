import { z } from "zod";
import { createWebhookSchema, updateWebhookSchema, MASK, type CreateWebhookInput, type UpdateWebhookInput, type Webhook } from "@/lib/schemas/webhooks";
import { customHeaderNameSchema, headerValuesSchema } from "@/lib/schemas/webhook-fields";
import { destinationMoves, type Destination } from "@/lib/schemas/credential-binding";

export type FormMode = "create" | "edit";

/**
 * What the form edits. It mirrors the API input (same paths, so server errors land on the same fields) except for
 * what a browser form needs: auth holds both variants' fields, headers are rows, key generation is a choice.
 * Every rule comes from the API schema (see webhookFormSchema); only shapes are declared here.
 */
// Numbers are checked by the API schema below (with its messages), so an empty input still reaches that check.
const num = z.custom<number>(() => true);

const formValuesSchema = z.object({
  name: z.string(),
  url: z.string(),
  auth: z.object({
    type: z.enum(["api_key", "oauth2"]),
    header: z.string(),
    keyMode: z.enum(["generate", "own"]),
    key: z.string(),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    scope: z.string(),
    audience: z.string(),
  }),
  eventTypes: z.array(z.string()),
  rateLimit: num,
  /** `secret`: the header's value is encrypted and shown as "*****" (keep "*****" to keep the stored value). */
  headers: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean().optional() })),
  failureHandling: z.object({
    maxAttempts: num,
    backoff: z.enum(["exponential", "linear"]),
    intervalSeconds: num.optional(),
    suspendAfterFailures: num,
  }),
  payload: createWebhookSchema.shape.payload.unwrap(),
  enabled: z.boolean(),
});
export type WebhookFormValues = z.infer<typeof formValuesSchema>;

/** In edit mode, which credentials already exist server-side (an empty field keeps them). */
export type StoredAuth = Webhook["auth"]["type"] | null;

const blankAuth: WebhookFormValues["auth"] = {
  type: "api_key",
  header: "X-Api-Key",
  keyMode: "generate",
  key: "",
  tokenUrl: "",
  clientId: "",
  clientSecret: "",
  scope: "",
  audience: "",
};

export const newWebhookDefaults = (): WebhookFormValues => ({
  name: "",
  url: "",
  auth: blankAuth,
  eventTypes: [],
  rateLimit: 10,
  headers: [],
  failureHandling: { maxAttempts: 8, backoff: "exponential", intervalSeconds: undefined, suspendAfterFailures: 50 },
  payload: "thin",
  enabled: true,
});

/** A stored webhook as form values; credentials stay empty and the "*****" placeholder says they are kept. */
export function webhookToFormValues(w: Webhook): WebhookFormValues {
  const auth =
    w.auth.type === "api_key"
      ? { ...blankAuth, header: w.auth.header, keyMode: "own" as const }
      : {
          ...blankAuth,
          type: "oauth2" as const,
          tokenUrl: w.auth.tokenUrl,
          clientId: w.auth.clientId,
          scope: w.auth.scope ?? "",
          audience: w.auth.audience ?? "",
        };
  return {
    name: w.name,
    url: w.url,
    auth,
    eventTypes: [...w.eventTypes],
    rateLimit: w.rateLimit,
    headers: Object.entries(w.headers).flatMap(([name, values]) => values.map((value) => ({ name, value, secret: (w.secretHeaders ?? []).includes(name) }))),
    failureHandling: { ...w.failureHandling, intervalSeconds: w.failureHandling.intervalSeconds },
    payload: w.payload,
    enabled: w.enabled,
  };
}

const optional = (s: string) => (s.trim() === "" ? undefined : s);
const keep = (s: string, stored: boolean) => (s === "" && stored ? MASK : s);

const destination = (v: Pick<WebhookFormValues, "url" | "auth">): Destination => ({
  url: v.url,
  auth: v.auth.type === "api_key" ? { type: "api_key", header: v.auth.header } : { type: "oauth2", tokenUrl: v.auth.tokenUrl },
});

/**
 * In edit mode: how the form's URL, token URL or header name moved the stored credential's destination (same auth
 * type only; a new type needs a new credential anyway). Non-empty: the stored credential cannot be kept.
 */
export function credentialMoves(
  values: Pick<WebhookFormValues, "url" | "auth">,
  initial: Pick<WebhookFormValues, "url" | "auth">,
  stored: StoredAuth,
): string[] {
  if (!stored || values.auth.type !== stored) return [];
  return destinationMoves(destination(initial), destination(values));
}

function toAuth(a: WebhookFormValues["auth"], stored: StoredAuth, moved = false) {
  if (a.type === "api_key") {
    // The destination moved: the stored key cannot go along, so "generate" asks the server for a new one.
    if (stored === "api_key" && moved && a.keyMode === "generate") return { type: "api_key" as const, header: a.header, generateKey: true };
    // No key means "generate one" (new API-key auth) or "keep the stored one" (unchanged API-key auth).
    const omit = stored === "api_key" ? a.key === "" : a.keyMode === "generate";
    return { type: "api_key" as const, header: a.header, ...(omit ? {} : { key: a.key }) };
  }
  return {
    type: "oauth2" as const,
    tokenUrl: a.tokenUrl,
    clientId: a.clientId,
    clientSecret: keep(a.clientSecret, stored === "oauth2"),
    ...(optional(a.scope) ? { scope: a.scope } : {}),
    ...(optional(a.audience) ? { audience: a.audience } : {}),
  };
}

/** Rows → map<string, string[]>: rows sharing a name (case-insensitively) are one header with several values. */
export function rowsToHeaders(rows: WebhookFormValues["headers"]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const byLower = new Map<string, string>();
  for (const { name, value } of rows) {
    const n = name.trim();
    if (!n && !value) continue;
    const key = byLower.get(n.toLowerCase()) ?? n;
    byLower.set(n.toLowerCase(), key);
    (out[key] ??= []).push(value);
  }
  return out;
}

/** The names of the headers with a row marked secret, spelled as rowsToHeaders spells them. */
export function secretHeaderNames(rows: WebhookFormValues["headers"]): string[] {
  const headers = rowsToHeaders(rows);
  const secret = new Set(rows.filter((r) => r.secret && r.name.trim()).map((r) => r.name.trim().toLowerCase()));
  return Object.keys(headers).filter((n) => secret.has(n.toLowerCase()));
}

function toFailureHandling(f: WebhookFormValues["failureHandling"]) {
  const { intervalSeconds, ...rest } = f;
  return f.backoff === "linear" ? { ...rest, intervalSeconds } : rest;
}

export function toCreateInput(v: WebhookFormValues): CreateWebhookInput {
  return {
    name: v.name,
    url: v.url,
    auth: toAuth(v.auth, null),
    eventTypes: v.eventTypes,
    rateLimit: v.rateLimit,
    headers: rowsToHeaders(v.headers),
    secretHeaders: secretHeaderNames(v.headers),
    failureHandling: toFailureHandling(v.failureHandling),
    payload: v.payload,
    enabled: v.enabled,
  };
}

/** JSON with object keys sorted: stored JSONB and form state list the same keys in different orders. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A PATCH of only what changed (scalars replace, lists and headers are sent whole), plus the version edited. */
export function toUpdateInput(v: WebhookFormValues, initial: WebhookFormValues, stored: StoredAuth, version: number): UpdateWebhookInput {
  const next = toCreateInput(v);
  const before = toCreateInput(initial);
  const patch: Record<string, unknown> = {};
  for (const key of ["name", "url", "eventTypes", "rateLimit", "headers", "secretHeaders", "failureHandling", "payload", "enabled"] as const) {
    if (!same(next[key], before[key])) patch[key] = next[key];
  }
  const auth = toAuth(v.auth, stored, credentialMoves(v, initial, stored).length > 0);
  if (!same(auth, toAuth(initial.auth, stored))) patch.auth = auth;
  return { ...patch, version };
}

const numberMessage = "Enter a whole number.";

/** Header rows: each row's name and value by the API's own header rules, reported on the row. */
function headerRowIssues(rows: WebhookFormValues["headers"], ctx: z.RefinementCtx) {
  rows.forEach((row, i) => {
    if (!row.name.trim() && !row.value) return;
    const name = customHeaderNameSchema.safeParse(row.name);
    if (!name.success) ctx.addIssue({ code: "custom", path: ["headers", i, "name"], message: name.error.issues[0].message });
    const value = headerValuesSchema.element.safeParse(row.value);
    if (!value.success) ctx.addIssue({ code: "custom", path: ["headers", i, "value"], message: value.error.issues[0].message });
  });
}

/**
 * The resolver's schema: the form's shape, checked by the API's own create/update schema on the input the form
 * would send, so client and server agree on every rule and message.
 */
export function webhookFormSchema(mode: FormMode, stored: StoredAuth = null) {
  const target = mode === "create" ? createWebhookSchema : updateWebhookSchema;
  return formValuesSchema.superRefine((values, ctx) => {
    headerRowIssues(values.headers, ctx);
    const input = mode === "create" ? toCreateInput(values) : { ...toCreateInput(values), auth: toAuth(values.auth, stored) };
    const result = target.safeParse(input);
    if (result.success) return;
    for (const issue of result.error.issues) {
      if (issue.path[0] === "headers" && issue.path.length > 1) continue; // reported per row above
      // An unchanged credential is sent as "*****", which the server resolves to the stored one.
      if (issue.path[0] === "auth" && (issue.path[1] === "key" || issue.path[1] === "clientSecret") && getAuthValue(input, issue.path[1]) === MASK) continue;
      const path = issue.path[0] === "eventTypes" ? ["eventTypes"] : issue.path;
      ctx.addIssue({
        code: "custom",
        path,
        message: issue.code === "invalid_type" && issue.message.startsWith("Invalid input") ? numberMessage : issue.message,
      });
    }
  });
}

function getAuthValue(input: { auth?: unknown }, field: string) {
  return (input.auth as Record<string, unknown> | undefined)?.[field];
}
