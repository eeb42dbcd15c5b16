import "server-only";
import crypto from "node:crypto";

/** Constant-time comparison of the presented bearer token with METRICS_TOKEN (hashes first: equal lengths). */
export function metricsTokenMatches(header: string | null, expected: string) {
  const presented = header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? "";
  const digest = (v: string) => crypto.createHash("sha256").update(v).digest();
  return crypto.timingSafeEqual(digest(presented), digest(expected));
}
