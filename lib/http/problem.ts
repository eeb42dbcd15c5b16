import { AppError } from "@/lib/server/errors";

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
      // The rest of an oversized body is not read: the connection ends with this answer.
      ...(err.code === "too_large" ? { connection: "close" } : {}),
      ...Object.fromEntries(new Headers(headers)),
    },
  });
}

export function internalErrorResponse(): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500 }), {
    status: 500,
    headers: { "content-type": "application/problem+json" },
  });
}
