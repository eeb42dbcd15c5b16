import { describe, expect, it } from "vitest";
import { diffChange } from "./change-diff";

const base = {
  name: "Orders",
  url: "https://a.example.com/h",
  auth: { type: "api_key", header: "X-Api-Key", key: "*****" },
  signingSecret: "*****",
  eventTypes: ["order.created", "order.shipped"],
  rateLimit: 10,
  headers: { "X-Team": ["billing"] },
  failureHandling: { maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 },
  payload: "thin",
  enabled: true,
  secretsChanged: [],
};
const oauth = { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "cid", clientSecret: "*****", scope: null, audience: null };
const changedFields = (rows: ReturnType<typeof diffChange>) => rows.filter((r) => r.changed).map((r) => r.field);
const row = (rows: ReturnType<typeof diffChange>, field: string) => rows.find((r) => r.field === field);

describe("diffChange", () => {
  it.each([
    ["nothing", {}, []],
    ["the URL", { url: "https://b.example.com/h" }, ["url"]],
    ["the name and rate limit", { name: "Orders v2", rateLimit: 20 }, ["name", "rateLimit"]],
    ["event types", { eventTypes: ["order.created", "refund.created"] }, ["eventTypes"]],
    ["a header", { headers: { "X-Team": ["billing"], "X-Env": ["prod"] } }, ["headers.X-Env"]],
    ["a removed header", { headers: {} }, ["headers.X-Team"]],
    [
      "failure handling",
      { failureHandling: { maxAttempts: 3, backoff: "linear", intervalSeconds: 60, suspendAfterFailures: 50 } },
      ["failureHandling.maxAttempts", "failureHandling.backoff", "failureHandling.intervalSeconds"],
    ],
    ["the API key", { secretsChanged: ["auth"] }, ["secret:auth"]],
    ["the auth type", { auth: oauth, secretsChanged: ["auth"] }, ["auth.type", "auth.header", "auth.tokenUrl", "auth.clientId", "secret:auth"]],
    ["enabled", { enabled: false }, ["enabled"]],
  ])("an update changing %s marks exactly those rows", (_label, patch, expected) => {
    const rows = diffChange({ action: "update", live: base, proposed: { ...base, ...patch } });
    expect(changedFields(rows)).toEqual(expected);
  });

  it("lists every field of an update, changed or not, in reading order", () => {
    const rows = diffChange({ action: "update", live: base, proposed: { ...base, rateLimit: 50 } });
    expect(rows.map((r) => r.field)).toEqual([
      "name",
      "url",
      "enabled",
      "auth.type",
      "auth.header",
      "secret:auth",
      "secret:signing",
      "eventTypes",
      "rateLimit",
      "payload",
      "failureHandling.maxAttempts",
      "failureHandling.backoff",
      "failureHandling.suspendAfterFailures",
      "headers.X-Team",
    ]);
    expect(row(rows, "rateLimit")).toMatchObject({ before: "10", after: "50", changed: true });
    expect(row(rows, "name")).toMatchObject({ before: "Orders", after: "Orders", changed: false });
  });

  it("shows event types as added and removed", () => {
    const rows = diffChange({ action: "update", live: base, proposed: { ...base, eventTypes: ["order.shipped", "refund.created"] } });
    expect(row(rows, "eventTypes")).toMatchObject({ kind: "list", added: ["refund.created"], removed: ["order.created"] });
  });

  it.each([
    ["unchanged credentials", {}, { "secret:auth": "unchanged", "secret:signing": "unchanged" }],
    ["a new API key", { secretsChanged: ["auth"] }, { "secret:auth": "changed", "secret:signing": "unchanged" }],
    ["a switch to OAuth", { auth: oauth, secretsChanged: ["auth"] }, { "secret:auth": "changed", "secret:signing": "unchanged" }],
  ])("names %s as changed/unchanged, never by value", (_label, patch, expected) => {
    const rows = diffChange({ action: "update", live: base, proposed: { ...base, ...patch } });
    const secrets = Object.fromEntries(rows.filter((r) => r.kind === "secret").map((r) => [r.field, r.after]));
    expect(secrets).toEqual(expected);
    expect(JSON.stringify(rows)).not.toContain("*****");
  });

  it("labels the OAuth credential as the client secret", () => {
    const rows = diffChange({ action: "update", live: { ...base, auth: oauth }, proposed: { ...base, auth: oauth } });
    expect(row(rows, "secret:auth")?.label).toBe("Client secret");
  });

  it("compares a creation with nothing", () => {
    const rows = diffChange({ action: "create", live: null, proposed: base });
    expect(rows.every((r) => r.changed)).toBe(true);
    expect(row(rows, "url")).toMatchObject({ before: "—", after: "https://a.example.com/h" });
    expect(row(rows, "secret:auth")).toMatchObject({ before: "—", after: "set" });
  });

  it("compares a deletion with nothing after", () => {
    const rows = diffChange({ action: "delete", live: base, proposed: base });
    expect(rows.every((r) => r.changed)).toBe(true);
    expect(row(rows, "name")).toMatchObject({ before: "Orders", after: "—" });
    expect(row(rows, "secret:signing")).toMatchObject({ after: "deleted" });
  });

  it("skips fields empty on both sides (an unset scope)", () => {
    const rows = diffChange({ action: "update", live: { ...base, auth: oauth }, proposed: { ...base, auth: oauth } });
    expect(rows.map((r) => r.field)).not.toContain("auth.scope");
    const scoped = diffChange({ action: "update", live: { ...base, auth: oauth }, proposed: { ...base, auth: { ...oauth, scope: "hooks" } } });
    expect(row(scoped, "auth.scope")).toMatchObject({ before: "—", after: "hooks", changed: true });
  });
});
