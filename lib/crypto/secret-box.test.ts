import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box (AES-256-GCM)", () => {
  it("round-trips and never stores the plain text", () => {
    const box = encryptSecret("s3cr3t-value", "webhook:1:auth");
    expect(box).not.toContain("s3cr3t");
    expect(box.startsWith("v1:")).toBe(true);
    expect(decryptSecret(box, "webhook:1:auth")).toBe("s3cr3t-value");
  });

  it("refuses a value moved to another row or field (AAD)", () => {
    const box = encryptSecret("x", "webhook:1:auth");
    expect(() => decryptSecret(box, "webhook:2:auth")).toThrow();
    expect(() => decryptSecret(box, "webhook:1:signing")).toThrow();
  });

  it("refuses tampered ciphertext and truncated tags", () => {
    const [v, iv, tag, data] = encryptSecret("hello", "a").split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64")].join(":"), "a")).toThrow();
    const shortTag = Buffer.from(tag, "base64").subarray(0, 8).toString("base64");
    expect(() => decryptSecret([v, iv, shortTag, data].join(":"), "a")).toThrow("Unreadable secret");
  });
});
