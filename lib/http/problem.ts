import { AppError } from "@/lib/server/errors";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

export function problemResponse(err: AppError, headers?: HeadersInit): Response {
  const body = {
    type: `https://webhook-console.dev/problems/${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    ...(err.fieldErrors?.length ? { errors: err.fieldErrors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...(err.retryAfterSeconds !== undefined ? { "retry-after": String(Math.max(1, Math.ceil(err.retryAfterSeconds))) } : {}),
      ...Object.fromEntries(new Headers(headers)),
    },
  });
}

/** The database is unreachable (restart, failover): nothing was written; the client should try again shortly. */
export function databaseUnavailableResponse(): Response {
  return problemResponse(new AppError("unavailable", "The database is unreachable; nothing was changed. Try again shortly.", undefined, RETRY_AFTER_SECONDS));
}

export function internalErrorResponse(): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500 }), {
    status: 500,
    headers: { "content-type": "application/problem+json" },
  });
}
