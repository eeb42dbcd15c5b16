/** What a stored credential is bound to: the receiver URL and, by auth type, the key's header or the token URL. */
export type Destination = { url: string; auth: { type: "api_key"; header: string } | { type: "oauth2"; tokenUrl: string } };

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
 * Shared by the server (which refuses "*****") and the edit form (which asks for a new credential).
 */
export function destinationMoves(current: Destination, next: Destination): string[] {
  const moves: string[] = [];
  const from = originOf(current.url);
  const to = originOf(next.url);
  if (from !== to) moves.push(`the URL now points to ${to ?? "a new origin"} instead of ${from}`);
  if (current.auth.type === "oauth2" && next.auth.type === "oauth2") {
    const tokenFrom = originOf(current.auth.tokenUrl);
    const tokenTo = originOf(next.auth.tokenUrl);
    if (tokenFrom !== tokenTo) moves.push(`the token URL now points to ${tokenTo ?? "a new origin"} instead of ${tokenFrom}`);
  }
  if (current.auth.type === "api_key" && next.auth.type === "api_key" && current.auth.header.trim().toLowerCase() !== next.auth.header.trim().toLowerCase()) {
    moves.push(`the key now goes in the ${next.auth.header.trim()} header instead of ${current.auth.header}`);
  }
  return moves;
}

/** The sentence that explains why a kept credential is refused. */
export const bindingReason = (moves: string[]) => `A stored credential is only sent where it was set up to go, and ${moves.join(", and ")}.`;

/** The field error for keeping ("*****" or omitted) a credential whose destination moved. */
export function keptCredentialError(type: Destination["auth"]["type"], moves: string[]): { path: string; message: string } {
  return type === "api_key"
    ? { path: "auth.key", message: `${bindingReason(moves)} Generate a new key or enter one.` }
    : { path: "auth.clientSecret", message: `${bindingReason(moves)} Enter the client secret again.` };
}
