// Telling "the database is not there" apart from every other error: those become 503 + Retry-After
// (the caller should simply try again), not 500, and the worker retries them quietly with backoff.

/** SQLSTATE classes and codes that mean the server went away or is not accepting work right now. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "58030"]); // admin/crash shutdown, cannot connect now, too many connections, io error
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /query read timeout/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /not queryable/i,
];

/** Seconds a client should wait before trying again while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** True when `err` (or anything in its `cause` chain — Drizzle wraps driver errors) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== "object") break;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08") || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** A short, log-friendly description of a database error (the driver's, not Drizzle's "Failed query: …" wrapper). */
export function describeDbError(err: unknown): string {
  let e = err as { cause?: unknown; message?: string; code?: string } | undefined;
  while (e?.cause && typeof e.cause === "object") e = e.cause;
  const message = e?.message || (e instanceof AggregateError ? e.errors.map((x) => (x as Error).message).join("; ") : String(err));
  return e?.code ? `${message} (${e.code})` : message;
}
