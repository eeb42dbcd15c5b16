import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { HttpClient, SendResult } from "../http-client";
import { slotToleranceMs } from "../rate-limit";
import { TokenError, type TokenClient } from "../oauth";
import type { ClaimedDelivery } from "./claim";
import type { WebhookTarget } from "./context";
import type { QueueSlot } from "./queue-order";
import { buildHeaders, envelope, redactHeaders, type EventRecord } from "./request";

export type Outcome = {
  delivery: ClaimedDelivery;
  webhook: WebhookTarget;
  startedAt: Date;
  requestHeaders: Record<string, string>;
  result: Omit<SendResult, "errorClass"> & { errorClass?: SendResult["errorClass"] | "auth_token" };
  /** The OAuth access token sent, so that an echo of it can be scrubbed before the attempt is stored. */
  bearerToken?: string;
};

class ShuttingDown extends Error {}
class OutOfOrder extends Error {}

/**
 * The slot was missed (a busy event loop, a slow token endpoint), or sending now would overtake an earlier delivery
 * of the same webhook that missed its slot (`outOfOrder`): nothing was sent, the delivery goes back.
 */
export type MissedSlot = { delivery: ClaimedDelivery; missedSlot: true; outOfOrder?: true };

/**
 * One attempt: wait for the reserved slot, authenticate, sign, POST; a receiver's 401 refreshes an OAuth token once.
 * A POST that could only leave later than the rate limiter's tolerance is not sent at all (MissedSlot).
 */
export async function sendOne({
  delivery,
  webhook,
  event,
  body = JSON.stringify(envelope(event, webhook.payloadMode)),
  http,
  tokens,
  stopping,
  holdBack,
}: {
  delivery: ClaimedDelivery;
  webhook: WebhookTarget;
  event: EventRecord;
  /** The envelope, serialized once per event and payload mode by the caller. */ body?: string;
  http: HttpClient;
  tokens: TokenClient;
  stopping?: AbortSignal;
  /**
   * Fires when an earlier delivery of this webhook missed its slot: going now would overtake it (queue-order.ts).
   * The caller also fires it when `stopping` fires.
   */
  holdBack?: QueueSlot;
}): Promise<Outcome | MissedSlot> {
  // A worker shutting down sends nothing more: what is still waiting for its slot goes back at once (as a missed slot).
  const deadline = stopping?.aborted ? 0 : delivery.sendAt + slotToleranceMs(webhook.rateLimit);
  // The worker fires every holdBack signal when it stops, so one signal wakes the wait for either reason.
  const wakeOn = holdBack?.signal ?? stopping;
  const missedSlot = (): MissedSlot => {
    holdBack?.missed();
    return { delivery, missedSlot: true };
  };
  const untilSlot = async () => {
    const wait = delivery.sendAt - Date.now();
    if (wait > 0) await sleep(wait, undefined, wakeOn ? { signal: wakeOn } : undefined).catch(() => {});
    if (stopping?.aborted) throw new ShuttingDown();
    if (holdBack?.signal.aborted) throw new OutOfOrder();
  };
  let startedAt = new Date();
  const attempt = async (bearerToken?: string) => {
    const headers = buildHeaders({
      eventId: event.id,
      body,
      timestamp: Math.floor(Date.now() / 1000),
      signingSecrets: webhook.signingSecrets,
      auth: webhook.auth,
      authSecret: webhook.authSecret,
      bearerToken,
      custom: webhook.headers,
    });
    return { headers, result: await http.send({ url: webhook.url, headers, body }) };
  };
  if (webhook.auth.type === "api_key") {
    try {
      await untilSlot();
    } catch (err) {
      return err instanceof OutOfOrder ? { delivery, missedSlot: true, outOfOrder: true } : { delivery, missedSlot: true };
    }
    startedAt = new Date();
    if (Date.now() > deadline) return missedSlot();
    const { headers, result } = await attempt();
    return { delivery, webhook, startedAt, requestHeaders: redactHeaders(headers, webhook.auth, webhook.secretHeaderNames), result };
  }
  const request = {
    tokenUrl: webhook.auth.tokenUrl,
    clientId: webhook.auth.clientId,
    clientSecret: webhook.authSecret,
    scope: webhook.auth.scope,
    audience: webhook.auth.audience,
  };
  try {
    // The token first (usually cached), then the slot: a token request does not eat into the slot's tolerance.
    let token = await tokens.getToken(request);
    await untilSlot();
    startedAt = new Date();
    if (Date.now() > deadline) return missedSlot();
    let sent = await attempt(token.accessToken);
    if (sent.result.status === 401) {
      tokens.evict(token.key, token.accessToken);
      token = await tokens.getToken(request);
      sent = await attempt(token.accessToken);
    }
    return {
      delivery,
      webhook,
      startedAt,
      requestHeaders: redactHeaders(sent.headers, webhook.auth, webhook.secretHeaderNames),
      result: sent.result,
      bearerToken: token.accessToken,
    };
  } catch (err) {
    if (err instanceof ShuttingDown) return { delivery, missedSlot: true };
    if (err instanceof OutOfOrder) return { delivery, missedSlot: true, outOfOrder: true };
    if (!(err instanceof TokenError)) throw err;
    const durationMs = Date.now() - startedAt.getTime();
    return { delivery, webhook, startedAt, requestHeaders: {}, result: { ok: false, durationMs, errorClass: "auth_token", errorMessage: err.message } };
  }
}
