import { describe, expect, it } from "vitest";
import { diffConfigs, formatConfigValue } from "./config-diff";

const base = {
  name: "Orders",
  url: "https://a.example/hook",
  auth: { type: "api_key", header: "X-Api-Key", keyFingerprint: "ab12" },
  eventTypes: ["order.created", "order.shipped"],
  rateLimit: 10,
  headers: { "X-Team": ["core"] },
  failureHandling: { maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 },
  signingSecretFingerprint: "f1",
  enabled: true,
};

describe("diffConfigs", () => {
  it("is empty for equal configs", () => {
    expect(diffConfigs(base, structuredClone(base))).toEqual([]);
  });

  it("shows scalar changes as old → new, in form order", () => {
    expect(diffConfigs(base, { ...base, rateLimit: 25, name: "Orders v2" })).toEqual([
      { field: "name", label: "Name", kind: "value", before: "Orders", after: "Orders v2" },
      { field: "rateLimit", label: "Rate limit", kind: "value", before: "10", after: "25" },
    ]);
  });

  it("a secret header reads changed: replaced (secretsChanged) or turned secret, never a value", () => {
    const before = { ...base, headers: { "X-Token": ["*****"], "X-Plain": ["visible-value"] } };
    const after = { ...base, headers: { "X-Token": ["*****"], "X-Plain": ["*****"] }, secretsChanged: ["header:x-token", "header:x-plain"] };
    const changes = diffConfigs(before, after);
    expect(changes.filter((c) => c.kind !== "secret")).toEqual([]);
    expect(changes.map((c) => c.label).sort()).toEqual(["Header X-Plain", "Header x-token (secret)"]);
    expect(JSON.stringify(changes)).not.toContain("visible-value");
  });

  it("never shows secret values, only that they changed", () => {
    const changes = diffConfigs(base, { ...base, auth: { ...base.auth, keyFingerprint: "cd34" }, signingSecretFingerprint: "f2" });
    expect(changes.map((c) => [c.field, c.kind])).toEqual([
      ["auth.keyFingerprint", "secret"],
      ["signingSecretFingerprint", "secret"],
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/ab12|cd34|f1|f2/);
  });

  it("lists event types added and removed", () => {
    expect(diffConfigs(base, { ...base, eventTypes: ["order.created", "order.canceled"] })).toEqual([
      { field: "eventTypes", label: "Event types", kind: "list", added: ["order.canceled"], removed: ["order.shipped"] },
    ]);
  });

  it("handles nested objects, added and removed keys", () => {
    const next = {
      ...base,
      headers: { "X-Env": ["prod"] },
      failureHandling: { maxAttempts: 3, backoff: "linear", intervalSeconds: 60, suspendAfterFailures: 50 },
    };
    expect(diffConfigs(base, next).map((c) => (c.kind === "value" ? `${c.label}: ${c.before} → ${c.after}` : c.label))).toEqual([
      "Max attempts: 8 → 3",
      "Backoff: exponential → linear",
      "Backoff interval (s): — → 60",
      "Header X-Env: — → prod",
      "Header X-Team: core → —",
    ]);
  });

  it("names auth types and booleans for people", () => {
    expect(
      diffConfigs(base, { ...base, enabled: false, auth: { type: "oauth2", tokenUrl: "https://t", clientId: "c" } }).map((c) =>
        c.kind === "value" ? `${c.label}: ${c.before} → ${c.after}` : `${c.label} changed`,
      ),
    ).toEqual([
      "Enabled: Yes → No",
      "Auth type: API Key → OAuth",
      "Header name: X-Api-Key → —",
      "Token URL: — → https://t",
      "Client ID: — → c",
      "API key changed",
    ]);
    expect(formatConfigValue([])).toBe("—");
  });

  it("names credentials a version replaced (secretsChanged), never their values", () => {
    const v1 = { ...base, auth: { type: "api_key", header: "X-Api-Key", key: "*****" }, signingSecret: "*****", secretsChanged: [] };
    expect(diffConfigs(v1, { ...v1, secretsChanged: ["signingSecret"] })).toEqual([{ field: "secret:signingSecret", label: "Signing secret", kind: "secret" }]);
    expect(diffConfigs(v1, { ...v1, rateLimit: 11, secretsChanged: ["auth"] }).map((c) => `${c.label}:${c.kind}`)).toEqual([
      "Rate limit:value",
      "API key:secret",
    ]);
    const oauth = { ...v1, auth: { type: "oauth2", tokenUrl: "https://t", clientId: "c", clientSecret: "*****" }, secretsChanged: ["auth"] };
    expect(
      diffConfigs(v1, oauth)
        .filter((c) => c.kind === "secret")
        .map((c) => c.label),
    ).toEqual(["Client secret", "API key"]);
  });
});
