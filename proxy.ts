import { NextResponse, type NextRequest } from "next/server";
import { databaseUnreachable } from "@/lib/db/reachability";
import { databaseUnavailablePage } from "@/lib/http/database-unavailable-page";

/**
 * A Content-Security-Policy with a fresh nonce per page request and no 'unsafe-inline' for scripts:
 * Next.js reads the nonce from the request's CSP header and puts it on every script it renders, and
 * 'strict-dynamic' lets those scripts load the app's chunks. Pages therefore render per request
 * (app/layout.tsx). Styles keep 'unsafe-inline' (React style attributes); they cannot run code.
 */
export function proxy(request: NextRequest) {
  // While the database is known to be down, every page answers 503 + Retry-After (it could not render anyway).
  if (databaseUnreachable()) return databaseUnavailablePage();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes and static files get the fixed policy from next.config.js.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
