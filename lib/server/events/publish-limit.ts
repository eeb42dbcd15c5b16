import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import { AppError } from "../errors";

/** How long an org's limit is cached: a change in Settings applies within this. */
const LIMIT_TTL_MS = 5_000;
const limits = new Map<string, { limit: number; at: number }>();
/** Token buckets per org: `limit` tokens a second, bursts up to one second's worth. */
const buckets = new Map<string, { tokens: number; at: number }>();

async function limitOf(db: DbOrTx, orgId: string, now: number) {
  const cached = limits.get(orgId);
  if (cached && now - cached.at < LIMIT_TTL_MS) return cached.limit;
  const [org] = await db.select({ limit: organizations.publishLimit }).from(organizations).where(eq(organizations.id, orgId));
  const limit = org?.limit ?? 10_000;
  limits.set(orgId, { limit, at: now });
  return limit;
}

/**
 * The org's publish limit (events per second, Settings): throws 429 with Retry-After when it is used up.
 * Counted per web server process, in memory — no row every publish would have to lock; with N web servers an
 * org can publish up to N × its limit (docs/operations.md).
 */
export async function takePublishToken(db: DbOrTx, orgId: string, now = Date.now(), count = 1) {
  const limit = await limitOf(db, orgId, now);
  const b = buckets.get(orgId) ?? { tokens: limit, at: now };
  b.tokens = Math.min(limit, b.tokens + ((now - b.at) / 1000) * limit);
  b.at = now;
  buckets.set(orgId, b);
  // A batch takes one token per event (capped at a second's worth, so a batch larger than the limit can still pass).
  const need = Math.min(count, limit);
  if (b.tokens < need) {
    const waitS = (need - b.tokens) / limit;
    throw new AppError(
      "rate_limited",
      `This organization may publish ${limit} event${limit === 1 ? "" : "s"} per second; try again shortly.`,
      undefined,
      Math.max(1, Math.ceil(waitS)),
    );
  }
  b.tokens -= need;
}

/** Tests: forget cached limits and buckets. */
export function resetPublishLimits() {
  limits.clear();
  buckets.clear();
}
