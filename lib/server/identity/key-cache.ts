import "server-only";
import { sha256 } from "@/lib/crypto/tokens";
import type { Actor } from "../authz";
import { actorForApiKey } from "./resolve-actor";

/**
 * API-key actors remembered for a few seconds, for routes whose write re-checks the key in its own statement
 * (publishing: insert-events.ts compares the key's stored roles with `actor.grant`). Such a route never trusts the
 * cache alone: a key revoked, or a creator demoted or removed, fails that check the moment the change commits, and
 * the route resolves the key afresh (lib/http/route.ts). Every other route reads the key on every request.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;
const cache = new Map<string, { actor: Actor; at: number }>();

const entryKey = (key: string, orgSlug: string) => `${sha256(key)}/${orgSlug}`;

export async function cachedActorForApiKey(key: string, orgSlug: string, now = Date.now()): Promise<Actor | null> {
  const k = entryKey(key, orgSlug);
  const hit = cache.get(k);
  if (hit && now - hit.at < TTL_MS) return hit.actor;
  const actor = await actorForApiKey(key, orgSlug);
  cache.delete(k);
  if (!actor) return null; // unknown and revoked keys are not remembered: each try reads the database
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!); // the oldest entry
  cache.set(k, { actor, at: now });
  return actor;
}

export function forgetCachedKey(key: string, orgSlug: string) {
  cache.delete(entryKey(key, orgSlug));
}
