import "server-only";
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `webhook-signature` per Standard Webhooks: one `v1,<base64 HMAC-SHA256>` per active secret, space separated. */
export function signPayload({ id, timestamp, body, secrets }: { id: string; timestamp: number; body: string | Buffer; secrets: readonly string[] }): string {
  if (secrets.length === 0) throw new Error("signPayload needs at least one secret");
  const prefix = `${id}.${timestamp}.`;
  let out = "";
  for (const secret of secrets) out += `${out ? " " : ""}v1,${createHmac("sha256", signingKey(secret)).update(prefix).update(body).digest("base64")}`;
  return out;
}

/** Decoded keys of secrets already checked: the check and the base64 decoding ran for every delivery (~5 µs). */
const keys = new Map<string, Buffer>();
const MAX_KEYS = 10_000;

function signingKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (key) return key;
  if (!isValidSigningSecret(secret)) throw new Error("signPayload: not a whsec_ signing secret");
  if (keys.size >= MAX_KEYS) keys.clear();
  keys.set(secret, (key = Buffer.from(secret.slice(PREFIX.length), "base64")));
  return key;
}

export function generateSigningSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

export function isValidSigningSecret(secret: string): boolean {
  if (!secret.startsWith(PREFIX)) return false;
  const encoded = secret.slice(PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return false;
  const key = Buffer.from(encoded, "base64");
  return key.length >= 24 && key.length <= 64 && key.toString("base64") === encoded;
}
