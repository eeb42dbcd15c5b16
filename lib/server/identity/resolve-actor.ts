import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiKeys, memberships, organizations, users } from "@/lib/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { roleWithin, type Actor, type Role } from "../authz";

/** Roles are read from the database on every request: a demoted or removed user loses access at once. */
export async function actorForUser(userId: string, orgSlug: string): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db
    .select({ orgId: organizations.id, roles: memberships.roles, email: users.email })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, orgSlug)));
  if (!row || row.roles.length === 0) return null;
  return { kind: "user", id: userId, label: row.email, personId: userId, orgId: row.orgId, orgSlug, roles: row.roles as Role[] };
}

const LAST_USED_PRECISION_MS = 60_000;

/**
 * A key acts with at most its creator's roles, as they are now: its roles intersected with the creator's current
 * membership, so demoting or removing a person shrinks or voids every key they made. Operator keys (made with the
 * CLI, no creator) keep their roles. Every action is attributed "API key X of person Y".
 */
export async function actorForApiKey(key: string, orgSlug: string): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      roles: apiKeys.roles,
      orgId: apiKeys.orgId,
      lastUsedAt: apiKeys.lastUsedAt,
      slug: organizations.slug,
      creatorId: apiKeys.createdByUserId,
      creatorEmail: users.email,
      creatorRoles: memberships.roles,
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .leftJoin(memberships, and(eq(memberships.userId, apiKeys.createdByUserId), eq(memberships.orgId, apiKeys.orgId)))
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)));
  if (!row || row.slug !== orgSlug) return null;
  const roles = (row.roles as Role[]).filter((r) => !row.creatorId || roleWithin(r, (row.creatorRoles ?? []) as Role[]));
  if (roles.length === 0) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  }
  const label = row.creatorId ? `API key ${row.name} of ${row.creatorEmail}` : `API key ${row.name}`;
  const grant = { keyRoles: row.roles, creatorRoles: row.creatorRoles ?? null };
  return { kind: "api_key", id: row.id, label, personId: row.creatorId, orgId: row.orgId, orgSlug, roles, grant };
}

/** The organizations a user belongs to, for the org switcher. */
export async function listUserOrgs(userId: string) {
  const db = await getDb();
  return db
    .select({ slug: organizations.slug, name: organizations.name, roles: memberships.roles })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
}
