import { describe, expect, it } from "vitest";
import { decideOutcome } from "./outcome-policy";
import type { Outcome } from "./send";

const now = Date.parse("2026-12-03T12:00:00Z");
const linear = { maxAttempts: 3, backoff: "linear" as const, intervalSeconds: 10, suspendAfterFailures: 50 };
const noJitter = () => 0.5;

function outcome(result: Outcome["result"], attempts = 0, retryBase = 0): Outcome {
  return {
    delivery: { id: "d1", orgId: "o1", eventId: "e1", webhookId: "w1", attempts, retryBase, isTest: false, sendAt: now },
    webhook: { failureHandling: linear } as Outcome["webhook"],
    startedAt: new Date(now),
    requestHeaders: {},
    result,
  };
}

describe("decideOutcome", () => {
  it("a 2xx succeeds, counts the attempt and clears the error class", () => {
    expect(decideOutcome(outcome({ ok: true, status: 204, durationMs: 3 }, 1), now, noJitter)).toEqual({
      id: "d1",
      status: "succeeded",
      attempts: 2,
      nextAttemptAt: null,
      lastStatusCode: 204,
      lastErrorClass: null,
      divertedReason: null,
      webhookEffect: "success",
    });
  });

  it("a 410 diverts as gone and tells the webhook to disable", () => {
    const u = decideOutcome(outcome({ ok: false, status: 410, durationMs: 3, errorClass: "http_status" }), now, noJitter);
    expect(u).toMatchObject({
      status: "diverted",
      divertedReason: "gone",
      webhookEffect: "gone",
      lastStatusCode: 410,
      lastErrorClass: "http_status",
      nextAttemptAt: null,
    });
  });

  it("a failure is retried after the interval; a longer Retry-After on 429 wins", () => {
    const plain = decideOutcome(outcome({ ok: false, status: 500, durationMs: 3, errorClass: "http_status" }), now, noJitter);
    expect(plain).toMatchObject({ status: "failed", attempts: 1, webhookEffect: "failure", divertedReason: null });
    expect(plain.nextAttemptAt?.getTime()).toBe(now + 10_000);
    const limited = decideOutcome(
      outcome({ ok: false, status: 429, headers: { "retry-after": "120" }, durationMs: 3, errorClass: "http_status" }),
      now,
      noJitter,
    );
    expect(limited.nextAttemptAt?.getTime()).toBe(now + 120_000);
  });

  it("a connection error keeps its class and no status", () => {
    const u = decideOutcome(outcome({ ok: false, durationMs: 3, errorClass: "connect", errorMessage: "ECONNREFUSED" }), now, noJitter);
    expect(u).toMatchObject({ status: "failed", lastStatusCode: null, lastErrorClass: "connect" });
  });

  it("the last allowed attempt diverts as exhausted; a redelivery's budget starts at its retry base", () => {
    const failed = { ok: false, status: 503, durationMs: 3, errorClass: "http_status" as const };
    expect(decideOutcome(outcome(failed, 2), now, noJitter)).toMatchObject({
      status: "diverted",
      divertedReason: "exhausted",
      attempts: 3,
      nextAttemptAt: null,
    });
    expect(decideOutcome(outcome(failed, 2, 2), now, noJitter)).toMatchObject({ status: "failed", attempts: 3 });
  });
});
