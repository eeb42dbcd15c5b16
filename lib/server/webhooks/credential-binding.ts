import type { FieldError } from "../errors";
import type { WebhookConfig } from "./merge-patch";

/** scheme://host:port as URL normalises it (default ports dropped, host lower-cased); null when unparsable. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * How a change moves the destination a stored credential is bound to: the URL's or token URL's origin, or the auth
 * header name. Each entry says what moved, in words an admin can act on. Empty: the credential may be kept.
 */
export function destinationMoves(current: WebhookConfig, next: WebhookConfig): string[] {
  const moves: string[] = [];
  const from = originOf(current.url);
  const to = originOf(next.url);
  if (from !== to) moves.push(`the URL now points to ${to ?? "a new origin"} instead of ${from}`);
  if (current.auth.type === "oauth2" && next.auth.type === "oauth2") {
    const tokenFrom = originOf(current.auth.tokenUrl);
    const tokenTo = originOf(next.auth.tokenUrl);
    if (tokenFrom !== tokenTo) moves.push(`the token URL now points to ${tokenTo ?? "a new origin"} instead of ${tokenFrom}`);
  }
  if (current.auth.type === "api_key" && next.auth.type === "api_key" && current.auth.header.toLowerCase() !== next.auth.header.toLowerCase()) {
    moves.push(`the key now goes in the ${next.auth.header} header instead of ${current.auth.header}`);
  }
  return moves;
}

/** The field error for keeping ("*****" or omitted) a credential whose destination moved. */
export function keptCredentialError(auth: WebhookConfig["auth"], moves: string[]): FieldError {
  const why = `A stored credential is only sent where it was set up to go, and ${moves.join(", and ")}.`;
  return auth.type === "api_key"
    ? { path: "auth.key", message: `${why} Generate a new key or enter one.` }
    : { path: "auth.clientSecret", message: `${why} Enter the client secret again.` };
}
