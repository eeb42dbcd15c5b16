import { describe, expect, it } from "vitest";
import { mergeWebhookPatch, type WebhookConfig } from "./merge-patch";

const base: WebhookConfig = {
  name: "Orders",
  url: "https://example.com/hook",
  auth: { type: "api_key", header: "X-Api-Key" },
  eventTypes: ["order.created", "order.shipped"],
  rateLimit: 10,
  headers: { "X-Team": ["payments"], "X-Env": ["prod"] },
  failureHandling: { maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 },
  payloadMode: "thin",
  enabled: true,
};

describe("mergeWebhookPatch (Socotra add/remove semantics)", () => {
  it.each([
    [{ removeEventTypes: ["order.created"], addEventTypes: ["order.created"] }, ["order.shipped", "order.created"]],
    [{ addEventTypes: ["order.canceled"] }, ["order.created", "order.shipped", "order.canceled"]],
    [{ removeEventTypes: ["order.shipped"] }, ["order.created"]],
    [{ eventTypes: ["invoice.paid"], addEventTypes: ["order.created"] }, ["invoice.paid", "order.created"]],
  ])("event types %j → %j", (patch, expected) => {
    expect(mergeWebhookPatch(base, patch).next.eventTypes).toEqual(expected);
  });

  it("removes headers case-insensitively before adding", () => {
    const { next, changed } = mergeWebhookPatch(base, { removeHeaders: ["x-team"], addHeaders: { "X-Env": ["staging"], "X-New": ["1"] } });
    expect(next.headers).toEqual({ "X-Env": ["staging"], "X-New": ["1"] });
    expect(changed).toEqual(["headers"]);
  });

  it("refuses to remove the last event type", () => {
    expect(mergeWebhookPatch(base, { removeEventTypes: ["order.created", "order.shipped"] }).errors).toEqual([
      { path: "eventTypes", message: "A webhook needs at least one event type." },
    ]);
  });

  it("keeps credentials sent as ***** and reports no change", () => {
    const r = mergeWebhookPatch(base, { auth: { type: "api_key", header: "X-Api-Key", key: "*****" } });
    expect(r.authSecret).toBeUndefined();
    expect(r.changed).toEqual([]);
  });

  it("stores a new key, and generates one when switching to API key auth without one", () => {
    expect(mergeWebhookPatch(base, { auth: { type: "api_key", header: "X-Api-Key", key: "brand-new-key" } }).authSecret).toBe("brand-new-key");
    const oauth: WebhookConfig = { ...base, auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "c" } };
    expect(mergeWebhookPatch(oauth, { auth: { type: "api_key", header: "X-Key" } }).authSecret).toBeNull();
  });

  it("needs a client secret when switching to OAuth", () => {
    const r = mergeWebhookPatch(base, { auth: { type: "oauth2", tokenUrl: "https://id.example.com/token", clientId: "c", clientSecret: "*****" } });
    expect(r.errors[0].path).toBe("auth.clientSecret");
  });

  it("lists exactly the fields that changed", () => {
    expect(mergeWebhookPatch(base, { name: "Orders", rateLimit: 25, enabled: true }).changed).toEqual(["rateLimit"]);
  });
});
