import type { FieldError } from "@/lib/schemas/common";

export type AppErrorCode =
  | "invalid" // 422: a rule on a field was broken
  | "bad_request" // 400: unreadable input
  | "unauthenticated" // 401
  | "forbidden" // 403
  | "not_found" // 404 (also for other orgs' objects)
  | "conflict" // 409
  | "too_large" // 413
  | "rate_limited" // 429
  | "unavailable"; // 503: the database is unreachable; try again after Retry-After

export type { FieldError };

export const statusOf: Record<AppErrorCode, number> = {
  invalid: 422,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

const titles: Record<AppErrorCode, string> = {
  invalid: "Validation failed",
  bad_request: "Bad request",
  unauthenticated: "Authentication required",
  forbidden: "Not permitted",
  not_found: "Not found",
  conflict: "Conflict",
  too_large: "Request too large",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
};

/** The one error type of the service layer; mapped to problem+json in routes and to results in actions. */
export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message?: string,
    public readonly fieldErrors?: FieldError[],
    /** Seconds the client should wait before trying again (429, 503): sent as Retry-After. */
    public readonly retryAfterSeconds?: number,
  ) {
    super(message ?? titles[code]);
  }
  get status() {
    return statusOf[this.code];
  }
  get title() {
    return titles[this.code];
  }
}

/**
 * A write found that the API key it acted for changed after its actor was cached (identity/key-cache.ts): the
 * route resolves the key afresh and runs the handler once more. Nothing of that write was stored.
 */
export class StaleGrantError extends Error {
  constructor() {
    super("The API key's roles changed since it was read.");
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const invalid = (fieldErrors: FieldError[], message = "Some fields need attention.") => new AppError("invalid", message, fieldErrors);
export const conflict = (message: string, fieldErrors?: FieldError[]) => new AppError("conflict", message, fieldErrors);

/** zod issues → field errors with dotted paths. */
type ZodIssueLike = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/** Zod issues as field errors; an unknown key is reported on its own path, so the client can point at it. */
export function fromZodIssues(issues: ZodIssueLike[]): FieldError[] {
  return issues.flatMap((i) =>
    i.code === "unrecognized_keys" && i.keys?.length
      ? i.keys.map((key) => ({ path: [...i.path, key].map(String).join("."), message: `Unknown field “${key}”.` }))
      : [{ path: i.path.map(String).join("."), message: i.message }],
  );
}
