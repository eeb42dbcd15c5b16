import "server-only";
import { actorForApiKey, actorForUser } from "@/lib/server/identity/resolve-actor";
import { cachedActorForApiKey } from "@/lib/server/identity/key-cache";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/authz";

export type Identity = { via: "api_key"; key: string } | { via: "session"; userId: string };

/** Who is calling: a bearer API key, or the next-auth session cookie. */
export async function identify(req: Request): Promise<Identity> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Use Authorization: Bearer <api key>.");
    return { via: "api_key", key: match[1] };
  }
  // next-auth is loaded only for cookie requests: bearer-key callers (scripts, the CLI, benchmarks) never need it.
  const session = req.headers.get("cookie") ? await (await import("@/lib/auth")).auth() : null;
  if (!session?.user?.id) throw new AppError("unauthenticated", "Sign in, or send Authorization: Bearer <api key>.");
  return { via: "session", userId: session.user.id };
}

/**
 * Another org's objects, and orgs you are not in, are 404: never reveal that they exist. `cached`: only for routes
 * whose write re-checks the key (see key-cache.ts).
 */
export async function actorFor(identity: Identity, orgSlug: string, { cached = false } = {}): Promise<Actor> {
  const actor =
    identity.via === "session"
      ? await actorForUser(identity.userId, orgSlug)
      : cached
        ? await cachedActorForApiKey(identity.key, orgSlug)
        : await actorForApiKey(identity.key, orgSlug);
  if (actor) return actor;
  if (identity.via === "api_key") throw new AppError("unauthenticated", "This API key is not valid for this organization.");
  throw new AppError("not_found", "No such organization.");
}

/** CSRF: cookie-authenticated changes must come from our own origin. */
export function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  // `Origin: null` (sandboxed frames, file: pages, some redirects) and other unparsable values are cross-site too.
  if (!origin || !host || !URL.canParse(origin) || new URL(origin).host !== host) {
    throw new AppError("forbidden", "Cross-site request refused: a same-origin Origin header is required.");
  }
}
