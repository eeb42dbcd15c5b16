import { describe, expect, it } from "vitest";
import { classifyResponse, nextDelayMs, parseRetryAfter, type FailureHandling } from "./retry-policy";

const defaults: { failureHandling: FailureHandling } = { failureHandling: { maxAttempts: 8, backoff: "exponential" } };
const noJitter = () => 0.5;

describe("nextDelayMs", () => {
  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 18_000_000],
    [6, 36_000_000],
    [7, 36_000_000],
    [8, null],
    [9, null],
  ])("after attempt %i of 8 → %s", (attempt, expected) => {
    expect(nextDelayMs({ attempt, ...defaults, rand: noJitter })).toBe(expected);
  });

  it("applies ±20 % jitter", () => {
    expect(nextDelayMs({ attempt: 3, ...defaults, rand: () => 0 })).toBe(1_440_000);
    expect(nextDelayMs({ attempt: 3, ...defaults, rand: () => 1 })).toBe(2_160_000);
    expect(nextDelayMs({ attempt: 1, ...defaults, rand: () => 0.25 })).toBe(4_500);
    for (let i = 0; i < 1000; i++) {
      const delay = nextDelayMs({ attempt: 2, ...defaults })!;
      expect(delay).toBeGreaterThanOrEqual(240_000);
      expect(delay).toBeLessThanOrEqual(360_000);
    }
  });

  it("reuses 10 h beyond the table and stops at maxAttempts", () => {
    const failureHandling: FailureHandling = { maxAttempts: 10, backoff: "exponential" };
    expect(nextDelayMs({ attempt: 8, failureHandling, rand: noJitter })).toBe(36_000_000);
    expect(nextDelayMs({ attempt: 9, failureHandling, rand: noJitter })).toBe(36_000_000);
    expect(nextDelayMs({ attempt: 10, failureHandling, rand: noJitter })).toBeNull();
    expect(nextDelayMs({ attempt: 1, failureHandling: { maxAttempts: 1, backoff: "exponential" } })).toBeNull();
  });

  it("waits intervalSeconds each time for linear backoff, with the same jitter", () => {
    const failureHandling: FailureHandling = { maxAttempts: 5, backoff: "linear", intervalSeconds: 30 };
    expect(nextDelayMs({ attempt: 1, failureHandling, rand: noJitter })).toBe(30_000);
    expect(nextDelayMs({ attempt: 4, failureHandling, rand: noJitter })).toBe(30_000);
    expect(nextDelayMs({ attempt: 4, failureHandling, rand: () => 1 })).toBe(36_000);
    expect(nextDelayMs({ attempt: 5, failureHandling, rand: noJitter })).toBeNull();
    expect(nextDelayMs({ attempt: 1, failureHandling: { maxAttempts: 2, backoff: "linear" }, rand: noJitter })).toBe(60_000);
  });

  it("lets a longer Retry-After replace the computed delay, capped at 24 h", () => {
    expect(nextDelayMs({ attempt: 1, ...defaults, rand: noJitter, retryAfterMs: 60_000 })).toBe(60_000);
    expect(nextDelayMs({ attempt: 3, ...defaults, rand: noJitter, retryAfterMs: 60_000 })).toBe(1_800_000);
    expect(nextDelayMs({ attempt: 1, ...defaults, rand: noJitter, retryAfterMs: 48 * 3_600_000 })).toBe(86_400_000);
    expect(nextDelayMs({ attempt: 8, ...defaults, retryAfterMs: 60_000 })).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it.each([
    ["120", 120_000],
    [" 0 ", 0],
    ["999999", 86_400_000],
    ["Sun, 01 Jun 2025 12:01:30 GMT", 90_000],
    ["Sunday, 01-Jun-25 12:00:10 GMT", 10_000],
    ["Sun Jun  1 12:00:05 2025", 5_000],
    ["Sun, 01 Jun 2025 11:00:00 GMT", 0],
    ["Tue, 03 Jun 2025 12:00:00 GMT", 86_400_000],
    ["-5", null],
    ["1.5", null],
    ["soon", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfter(value, now)).toEqual(expected);
  });
});

describe("classifyResponse", () => {
  it.each([
    [200, "success"],
    [204, "success"],
    [299, "success"],
    [301, "retry"],
    [302, "retry"],
    [400, "retry"],
    [401, "retry"],
    [404, "retry"],
    [410, "disable"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
  ])("%i → %s", (status, expected) => {
    expect(classifyResponse(status)).toBe(expected);
  });
});
