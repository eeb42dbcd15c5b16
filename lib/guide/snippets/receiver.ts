// A Webhook Console receiver in Node.js (TypeScript), standard library only.
// The official library does the same check: npm install standardwebhooks
//   new Webhook(secret).verify(body, headers)
// Run: WEBHOOK_SECRET='whsec_…' API_KEY='…' npx tsx receiver.ts
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const PORT = Number(process.env.PORT ?? 8080);
const PATH = process.env.WEBHOOK_PATH ?? "/webhooks";
// While a secret is rotated, both secrets sign for 24 hours: list both, space-separated.
const SECRETS = (process.env.WEBHOOK_SECRET ?? "").split(/\s+/).filter(Boolean);
const API_KEY_HEADER = (process.env.API_KEY_HEADER ?? "X-Api-Key").toLowerCase();
const API_KEY = process.env.API_KEY ?? ""; // empty: the webhook uses OAuth, check the bearer token
const TOLERANCE_SECONDS = 300;
const seen = new Set<string>(); // in production: a unique key on webhook-id in your database

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function verifySignature(id: string, timestamp: string, signatures: string, body: Buffer): boolean {
  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!id || !(age <= TOLERANCE_SECONDS)) return false; // too old (or from the future): a replay
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
  const expected = SECRETS.map((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
    return "v1," + createHmac("sha256", key).update(signed).digest("base64");
  });
  return signatures.split(" ").some((sig) => expected.some((e) => same(sig, e)));
}

function authenticated(headers: Record<string, string | string[] | undefined>): boolean {
  if (API_KEY) return same(String(headers[API_KEY_HEADER] ?? ""), API_KEY);
  const token = String(headers.authorization ?? "").replace(/^Bearer /, "");
  return token !== "" && isValidAccessToken(token);
}

// OAuth: check the token with your authorization server (JWT signature, issuer, audience, expiry).
function isValidAccessToken(token: string): boolean {
  return token.length > 0;
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const h = (name: string) => String(req.headers[name] ?? "");
    if (req.method !== "POST" || req.url !== PATH) return res.writeHead(404).end();
    if (!authenticated(req.headers)) return res.writeHead(401).end("unauthenticated");
    if (!verifySignature(h("webhook-id"), h("webhook-timestamp"), h("webhook-signature"), body)) {
      return res.writeHead(401).end("bad signature");
    }
    // Answer fast (2xx within 15 s), then work: a retry re-sends the same webhook-id.
    res.writeHead(204).end();
    if (seen.has(h("webhook-id"))) return;
    seen.add(h("webhook-id"));
    const event = JSON.parse(body.toString("utf8"));
    console.log(`verified ${event.id} ${event.type}${event.is_test ? " (test)" : ""}`);
    // A thin payload has no `data`: fetch it with Get Event,
    // GET /api/v1/orgs/{org}/events/{event.id} with Authorization: Bearer <API key>.
  });
}).listen(PORT, () => console.log(`listening on :${PORT}${PATH}`));
