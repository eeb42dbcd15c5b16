import { describe, expect, it } from "vitest";
import {
  credentialMoves,
  newWebhookDefaults,
  rowsToHeaders,
  toCreateInput,
  toUpdateInput,
  webhookFormSchema,
  webhookToFormValues,
  type WebhookFormValues,
} from "./form-values";
import { mapServerErrors } from "./server-errors";
import type { Webhook } from "@/lib/schemas/webhooks";

const valid = (over: Partial<WebhookFormValues> = {}): WebhookFormValues => ({
  ...newWebhookDefaults(),
  name: "Orders",
  url: "https://example.com/hook",
  eventTypes: ["order.created"],
  ...over,
});

const issues = (values: WebhookFormValues, mode: "create" | "edit" = "create", stored: "api_key" | "oauth2" | null = null) => {
  const r = webhookFormSchema(mode, stored).safeParse(values);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

const stored: Webhook = {
  id: "4b1c6c1e-1111-4a4a-8a8a-000000000001",
  name: "Orders",
  url: "https://example.com/hook",
  auth: { type: "api_key", header: "X-Api-Key", key: "*****" },
  signingSecret: "*****",
  eventTypes: ["order.created"],
  rateLimit: 10,
  headers: { "X-Team": ["core", "ops"] },
  secretHeaders: [],
  failureHandling: { maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 },
  payload: "thin",
  enabled: true,
  status: "active",
  statusReason: null,
  suspended: false,
  suspendedAt: null,
  consecutiveFailures: 0,
  paused: false,
  pausedAt: null,
  backlog: null,
  version: 3,
  pendingChangeRequestId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("webhook form schema (the API's rules on the form's shape)", () => {
  it("accepts the defaults plus name, URL and an event type, generating the key", () => {
    expect(issues(valid())).toEqual({});
    expect(toCreateInput(valid()).auth).toEqual({ type: "api_key", header: "X-Api-Key" });
  });

  it("reports the API's messages on the form's paths", () => {
    const e = issues(valid({ name: "", url: "nope", eventTypes: [], rateLimit: 101 }));
    expect(e).toMatchObject({
      name: "Enter a name.",
      url: "Enter an absolute URL such as https://example.com/webhooks.",
      eventTypes: "Choose at least one event type.",
      rateLimit: "The rate limit is at most 100 requests per second.",
    });
  });

  it("says what to type when a number box is empty", () => {
    expect(issues(valid({ rateLimit: Number.NaN }))).toMatchObject({ rateLimit: "Enter a whole number from 1 to 100." });
    const f = { ...newWebhookDefaults().failureHandling, maxAttempts: Number.NaN };
    expect(issues(valid({ failureHandling: f }))).toMatchObject({ "failureHandling.maxAttempts": expect.stringMatching(/number/) });
  });

  it("needs an own key of 8+ characters only when not generating", () => {
    const own = valid({ auth: { ...valid().auth, keyMode: "own", key: "short" } });
    expect(issues(own)).toMatchObject({ "auth.key": "Keys are at least 8 characters." });
  });

  it("validates OAuth fields and leaves optional scope out when empty", () => {
    const oauth = valid({ auth: { ...valid().auth, type: "oauth2", tokenUrl: "", clientId: "", clientSecret: "" } });
    expect(Object.keys(issues(oauth)).sort()).toEqual(["auth.clientId", "auth.clientSecret", "auth.tokenUrl"]);
    const ok = valid({ auth: { ...valid().auth, type: "oauth2", tokenUrl: "https://auth.example/token", clientId: "id", clientSecret: "s3cret", scope: "" } });
    expect(toCreateInput(ok).auth).toEqual({ type: "oauth2", tokenUrl: "https://auth.example/token", clientId: "id", clientSecret: "s3cret" });
  });

  it("checks header rows with the API's header rules, on the row", () => {
    const e = issues(
      valid({
        headers: [
          { name: "Content-Type", value: "x" },
          { name: "X-Ok", value: "é" },
        ],
      }),
    );
    expect(e["headers.0.name"]).toMatch(/delivery engine/);
    expect(e["headers.1.value"]).toMatch(/printable ASCII/);
  });

  it("needs an interval only for linear backoff", () => {
    const linear = { ...newWebhookDefaults().failureHandling, backoff: "linear" as const, intervalSeconds: undefined };
    expect(issues(valid({ failureHandling: linear }))).toHaveProperty(["failureHandling.intervalSeconds"]);
    expect(toCreateInput(valid()).failureHandling).not.toHaveProperty("intervalSeconds");
  });
});

describe("rows ↔ headers", () => {
  it("merges rows with the same name into several values and skips blank rows", () => {
    expect(
      rowsToHeaders([
        { name: "X-A", value: "1" },
        { name: "", value: "" },
        { name: "x-a", value: "2" },
      ]),
    ).toEqual({ "X-A": ["1", "2"] });
    expect(webhookToFormValues(stored).headers).toEqual([
      { name: "X-Team", value: "core", secret: false },
      { name: "X-Team", value: "ops", secret: false },
    ]);
  });

  it("secret rows: the stored value stays *****, the names go out as secretHeaders, and only a change is patched", () => {
    const secretStored: Webhook = { ...stored, headers: { "X-Team": ["core"], "X-Token": ["*****"] }, secretHeaders: ["X-Token"] };
    const initial = webhookToFormValues(secretStored);
    expect(initial.headers).toContainEqual({ name: "X-Token", value: "*****", secret: true });
    expect(toCreateInput(initial).secretHeaders).toEqual(["X-Token"]);
    expect(toUpdateInput(initial, initial, "api_key", 3)).toEqual({ version: 3 });
    const marked = { ...initial, headers: initial.headers.map((h) => (h.name === "X-Team" ? { ...h, value: "new-secret-value", secret: true } : h)) };
    expect(toUpdateInput(marked, initial, "api_key", 3)).toMatchObject({
      headers: { "X-Team": ["new-secret-value"], "X-Token": ["*****"] },
      secretHeaders: ["X-Team", "X-Token"],
    });
  });
});

describe("edit mode", () => {
  const initial = webhookToFormValues(stored);

  it("keeps stored credentials: an empty key is valid and not sent unless auth changed", () => {
    expect(issues(initial, "edit", "api_key")).toEqual({});
    expect(toUpdateInput({ ...initial, name: "Orders 2", rateLimit: 20 }, initial, "api_key", 3)).toEqual({ name: "Orders 2", rateLimit: 20, version: 3 });
  });

  it("sees no change when only the key order of stored settings differs", () => {
    const reordered = { ...stored, failureHandling: { suspendAfterFailures: 50, backoff: "exponential" as const, maxAttempts: 8 } };
    expect(toUpdateInput(initial, webhookToFormValues(reordered), "api_key", 3)).toEqual({ version: 3 });
  });

  it("keeps an unchanged key by omitting it when the header changes, and sends the new key when typed", () => {
    const header = { ...initial, auth: { ...initial.auth, header: "X-Key" } };
    expect(toUpdateInput(header, initial, "api_key", 3)).toEqual({ auth: { type: "api_key", header: "X-Key" }, version: 3 });
    const typed = { ...initial, auth: { ...initial.auth, key: "a-brand-new-key" } };
    expect(toUpdateInput(typed, initial, "api_key", 3).auth).toEqual({ type: "api_key", header: "X-Api-Key", key: "a-brand-new-key" });
  });

  it("sends ***** for an unchanged OAuth client secret", () => {
    const oauthStored = webhookToFormValues({
      ...stored,
      auth: { type: "oauth2", tokenUrl: "https://auth.example/token", clientId: "id", clientSecret: "*****", scope: null, audience: null },
    });
    expect(issues(oauthStored, "edit", "oauth2")).toEqual({});
    const changed = { ...oauthStored, auth: { ...oauthStored.auth, clientId: "id2" } };
    expect(toUpdateInput(changed, oauthStored, "oauth2", 3).auth).toEqual({
      type: "oauth2",
      tokenUrl: "https://auth.example/token",
      clientId: "id2",
      clientSecret: "*****",
    });
  });

  it("lets the server generate a key when switching from OAuth to an API key", () => {
    const oauthStored = webhookToFormValues({
      ...stored,
      auth: { type: "oauth2", tokenUrl: "https://auth.example/token", clientId: "id", clientSecret: "*****", scope: null, audience: null },
    });
    const toKey = { ...oauthStored, auth: { ...oauthStored.auth, type: "api_key" as const, keyMode: "generate" as const } };
    expect(issues(toKey, "edit", "oauth2")).toEqual({});
    expect(toUpdateInput(toKey, oauthStored, "oauth2", 3).auth).toEqual({ type: "api_key", header: "X-Api-Key" });
  });

  it("needs a new secret when switching auth type", () => {
    const oauth = { ...initial, auth: { ...initial.auth, type: "oauth2" as const, tokenUrl: "https://auth.example/token", clientId: "id" } };
    expect(issues(oauth, "edit", "api_key")).toHaveProperty(["auth.clientSecret"]);
  });
});

describe("mapServerErrors", () => {
  const values = {
    headers: [
      { name: "X-Team", value: "a" },
      { name: "X.Dotted", value: "b" },
    ],
  };
  it("maps API paths onto form fields and keeps the rest for the summary", () => {
    const r = mapServerErrors(
      [
        { path: "name", message: "taken" },
        { path: "auth.tokenUrl", message: "blocked" },
        { path: "eventTypes.2", message: "unknown" },
        { path: "addEventTypes.0", message: "unknown too" },
        { path: "headers.x-team", message: "bad name" },
        { path: "headers.X.Dotted.0", message: "bad value" },
        { path: "failureHandling.maxAttempts", message: "max" },
        { path: "version", message: "stale" },
        { path: "", message: "limit" },
      ],
      values,
    );
    expect(r.fields).toEqual([
      { name: "name", message: "taken" },
      { name: "auth.tokenUrl", message: "blocked" },
      { name: "eventTypes", message: "unknown" },
      { name: "headers.0.name", message: "bad name" },
      { name: "headers.1.value", message: "bad value" },
      { name: "failureHandling.maxAttempts", message: "max" },
    ]);
    expect(r.unmapped.map((e) => e.path)).toEqual(["version", ""]);
  });
});

describe("edit form: a stored credential bound to its destination", () => {
  const initial = webhookToFormValues(stored);
  it("notices a new URL origin or header name, not a new path or header case", () => {
    expect(credentialMoves({ ...initial, url: "https://other.example.com/hook" }, initial, "api_key")).toEqual([
      "the URL now points to https://other.example.com instead of https://example.com",
    ]);
    expect(credentialMoves({ ...initial, auth: { ...initial.auth, header: "X-Other" } }, initial, "api_key")).toHaveLength(1);
    expect(credentialMoves({ ...initial, url: "https://example.com/other" }, initial, "api_key")).toEqual([]);
    expect(credentialMoves({ ...initial, auth: { ...initial.auth, header: "x-api-key" } }, initial, "api_key")).toEqual([]);
    expect(credentialMoves({ ...initial, url: "https://other.example.com/hook", auth: { ...initial.auth, type: "oauth2" } }, initial, "api_key")).toEqual([]);
  });

  it("moved + Generate sends generateKey; moved + an empty key keeps nothing, so the server can refuse it", () => {
    const moved = { ...initial, url: "https://other.example.com/hook" };
    expect(toUpdateInput({ ...moved, auth: { ...moved.auth, keyMode: "generate" } }, initial, "api_key", 3)).toEqual({
      url: moved.url,
      auth: { type: "api_key", header: "X-Api-Key", generateKey: true },
      version: 3,
    });
    expect(toUpdateInput(moved, initial, "api_key", 3)).toEqual({ url: moved.url, version: 3 });
    expect(toUpdateInput({ ...moved, auth: { ...moved.auth, key: "a-new-key-123" } }, initial, "api_key", 3)).toMatchObject({ auth: { key: "a-new-key-123" } });
  });
});
