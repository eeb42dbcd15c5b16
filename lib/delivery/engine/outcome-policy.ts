import "server-only";
import type { DivertedReason } from "@/lib/db/schema";
import { classifyResponse, nextDelayMs, parseRetryAfter } from "../retry-policy";
import type { Outcome } from "./send";

export type DeliveryUpdate = {
  id: string;
  status: "succeeded" | "failed" | "diverted";
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastErrorClass: string | null;
  divertedReason: DivertedReason | null;
  /** What this attempt means for the webhook: success resets the failure streak, 410 disables it. */
  webhookEffect: "success" | "failure" | "gone";
};

/** Pure: what one attempt's outcome does to its delivery (retry schedule, Retry-After, exhaustion). */
export function decideOutcome(o: Outcome, now = Date.now(), rand = Math.random): DeliveryUpdate {
  const attempts = o.delivery.attempts + 1;
  const status = o.result.status ?? null;
  const base = { id: o.delivery.id, attempts, lastStatusCode: status, lastErrorClass: o.result.errorClass ?? null };
  const kind = status === null ? "retry" : classifyResponse(status);
  if (o.result.ok && kind === "success")
    return { ...base, status: "succeeded", nextAttemptAt: null, lastErrorClass: null, divertedReason: null, webhookEffect: "success" };
  if (kind === "disable") {
    return { ...base, status: "diverted", nextAttemptAt: null, divertedReason: "gone", webhookEffect: "gone" };
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(o.result.headers?.["retry-after"], now) : null;
  // A redelivery starts a new cycle: the budget counts attempts since `retryBase`.
  const delay = nextDelayMs({ attempt: attempts - o.delivery.retryBase, failureHandling: o.webhook.failureHandling, rand, retryAfterMs });
  if (delay === null) {
    return { ...base, status: "diverted", nextAttemptAt: null, divertedReason: "exhausted", webhookEffect: "failure" };
  }
  return { ...base, status: "failed", nextAttemptAt: new Date(now + delay), divertedReason: null, webhookEffect: "failure" };
}
