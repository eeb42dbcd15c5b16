// @ts-check
const dev = process.env.NODE_ENV !== "production";

// Pages get a per-request policy with a script nonce from proxy.ts. Everything else (API responses,
// static files, prefetches) runs no inline script: a fixed policy that allows none.
const csp = [
  "default-src 'self'",
  `script-src 'self'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "undici",
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "prom-client",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Not on pages: proxy.ts sets theirs (a response carries one policy, not two).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: csp }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: csp }] },
    ];
  },
};

export default nextConfig;
