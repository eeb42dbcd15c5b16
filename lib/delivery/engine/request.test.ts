import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { buildHeaders, envelope, redactHeaders } from "./request";

const secretA = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
const secretB = `whsec_${Buffer.alloc(32, 2).toString("base64")}`;
const event = { id: "evt_1", type: "order.created", source: "com.test", time: new Date("2026-01-01T00:00:00Z"), data: { a: 1 }, isTest: true };

describe("delivery request", () => {
  it("uses the Paxos envelope, with data only in full mode", () => {
    expect(envelope(event, "thin")).toEqual({
      id: "evt_1",
      type: "order.created",
      source: "com.test",
      time: "2026-01-01T00:00:00.000Z",
      object: "event",
      is_test: true,
    });
    expect(envelope(event, "full")).toMatchObject({ data: { a: 1 } });
  });

  it("signs verifiably with both secrets during a rotation, and redacts credentials for the log", () => {
    const body = JSON.stringify(envelope(event, "thin"));
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = buildHeaders({
      eventId: "evt_1",
      body,
      timestamp,
      signingSecrets: [secretA, secretB],
      auth: { type: "api_key", header: "X-Api-Key" },
      authSecret: "k3y",
      custom: { "X-Team": ["a", "b"] },
    });
    expect(headers["x-api-key"]).toBe("k3y");
    expect(headers["x-team"]).toBe("a, b");
    for (const s of [secretA, secretB]) expect(() => new Webhook(s).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(secretA).verify(body.replace("order", "0rder"), headers)).toThrow();
    const logged = redactHeaders(headers, { type: "api_key", header: "X-Api-Key" });
    expect(logged["x-api-key"]).toBe("*****");
    expect(logged["webhook-signature"]).toBe(headers["webhook-signature"]);
    const oauth = buildHeaders({
      eventId: "e",
      body,
      timestamp,
      signingSecrets: [secretA],
      auth: { type: "oauth2", tokenUrl: "https://t", clientId: "c" },
      authSecret: "s",
      bearerToken: "tok",
      custom: {},
    });
    expect(oauth.authorization).toBe("Bearer tok");
    expect(redactHeaders(oauth, { type: "oauth2", tokenUrl: "https://t", clientId: "c" }).authorization).toBe("Bearer *****");
  });
});
