import "server-only";

export type FailureHandling = {
  maxAttempts: number;
  backoff: "exponential" | "linear";
  intervalSeconds?: number;
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Delay before attempt n + 1 after n attempts: about 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then 10 h. */
export const EXPONENTIAL_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
export const DEFAULT_LINEAR_INTERVAL_SECONDS = 60;
export const MAX_RETRY_AFTER_MS = 24 * HOUR;
const JITTER = 0.2;

/** Milliseconds to wait before the next attempt, or null when the attempts are used up. */
export function nextDelayMs({
  attempt,
  failureHandling,
  rand = Math.random,
  retryAfterMs,
}: {
  attempt: number;
  failureHandling: FailureHandling;
  rand?: () => number;
  retryAfterMs?: number | null;
}): number | null {
  if (attempt >= failureHandling.maxAttempts) return null;
  const base =
    failureHandling.backoff === "linear"
      ? (failureHandling.intervalSeconds ?? DEFAULT_LINEAR_INTERVAL_SECONDS) * SECOND
      : EXPONENTIAL_DELAYS_MS[Math.min(Math.max(attempt, 1), EXPONENTIAL_DELAYS_MS.length) - 1];
  const delay = Math.round(base * (1 + JITTER * (2 * rand() - 1)));
  const requested = Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.max(delay, requested);
}

/** A `Retry-After` value (delay-seconds or HTTP-date) in ms from now, capped at 24 h; null if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number | Date = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * SECOND, MAX_RETRY_AFTER_MS);
  // HTTP-dates (IMF-fixdate, RFC 850, asctime) all start with a day name.
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const at = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`); // asctime carries no zone; HTTP-dates are GMT
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - Number(now), 0), MAX_RETRY_AFTER_MS);
}

/** What a receiver's status means: 2xx done, 410 Gone disables the webhook, anything else (3xx too) is retried. */
export function classifyResponse(status: number): "success" | "retry" | "disable" {
  if (status >= 200 && status < 300) return "success";
  if (status === 410) return "disable";
  return "retry";
}
