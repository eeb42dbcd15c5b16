import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, isValidSigningSecret, signPayload } from "./sign";

const body = JSON.stringify({ id: "evt_1", type: "order.created", object: "event", is_test: false });

function headersFor(secrets: string[], timestamp = Math.floor(Date.now() / 1000)) {
  return {
    "webhook-id": "evt_1",
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signPayload({ id: "evt_1", timestamp, body, secrets }),
  };
}

describe("signPayload", () => {
  it("is verified by the standardwebhooks library", () => {
    const secret = generateSigningSecret();
    expect(new Webhook(secret).verify(body, headersFor([secret]))).toEqual(JSON.parse(body));
  });

  it("signs with every secret during a rotation, each verifiable on its own", () => {
    const [oldSecret, newSecret] = [generateSigningSecret(), generateSigningSecret()];
    const headers = headersFor([newSecret, oldSecret]);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
    expect(() => new Webhook(oldSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow();
  });

  it("fails verification when the body, id or timestamp is tampered with", () => {
    const secret = generateSigningSecret();
    const headers = headersFor([secret]);
    expect(() => new Webhook(secret).verify(body.replace("false", "true"), headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "evt_2" })).toThrow();
    const timestamp = String(Number(headers["webhook-timestamp"]) + 1);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-timestamp": timestamp })).toThrow();
  });

  it("matches the Standard Webhooks reference vector", () => {
    // From the standard-webhooks test suite.
    const signature = signPayload({
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("refuses to sign without a valid secret", () => {
    expect(() => signPayload({ id: "a", timestamp: 1, body, secrets: [] })).toThrow();
    expect(() => signPayload({ id: "a", timestamp: 1, body, secrets: ["nope"] })).toThrow();
  });
});

describe("signing secrets", () => {
  it("generates whsec_ + base64 of 32 random bytes", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);
    expect(isValidSigningSecret(secret)).toBe(true);
  });

  it.each([
    [`whsec_${randomBytes(24).toString("base64")}`, true],
    [`whsec_${randomBytes(64).toString("base64")}`, true],
    [`whsec_${randomBytes(23).toString("base64")}`, false],
    [`whsec_${randomBytes(65).toString("base64")}`, false],
    [randomBytes(32).toString("base64"), false],
    ["whsec_", false],
    ["whsec_not base64 at all!!", false],
    [`whsec_${randomBytes(32).toString("base64url")}_`, false],
  ])("isValidSigningSecret(%s) → %s", (secret, expected) => {
    expect(isValidSigningSecret(secret)).toBe(expected);
  });
});
