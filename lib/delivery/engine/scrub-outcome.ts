import "server-only";
import { scrubHeaders, scrubResult } from "../scrub";
import type { Outcome } from "./send";

/** Every credential this attempt carried: the API key or OAuth client secret, the bearer token, secret header values. */
export function attemptSecrets(o: Pick<Outcome, "webhook" | "bearerToken">): string[] {
  return [o.webhook.authSecret, ...(o.bearerToken ? [o.bearerToken] : []), ...(o.webhook.secretHeaderValues ?? [])];
}

/** The outcome as it may be stored: response body, headers, error message and request headers without credentials. */
export function scrubOutcome(o: Outcome): Outcome {
  const secrets = attemptSecrets(o);
  return { ...o, requestHeaders: scrubHeaders(o.requestHeaders, secrets), result: scrubResult(o.result, secrets) };
}
