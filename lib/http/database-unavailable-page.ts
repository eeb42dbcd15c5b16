import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

/**
 * The page every console URL answers while the database is unreachable (proxy.ts): 503 with Retry-After, and a page
 * that says so and reloads itself. Static markup, no script: it shows even when nothing else can render.
 */
export function databaseUnavailablePage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Database unreachable · Webhook Console</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 3rem 1rem; color: #1f2937; background: #f9fafb; }
main { max-width: 36rem; margin: 0 auto; border: 1px solid #fecaca; background: #fef2f2; border-radius: 0.5rem; padding: 1rem 1.25rem; }
h1 { font-size: 1.125rem; margin: 0 0 0.5rem; color: #991b1b; }
p { margin: 0; line-height: 1.5; }
</style>
</head>
<body>
<main role="alert">
<h1>The database is unreachable</h1>
<p>The console cannot reach its database right now (a restart or failover usually takes seconds). Nothing was changed. This page reloads every ${RETRY_AFTER_SECONDS} seconds.</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}
