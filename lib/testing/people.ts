import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiKeys, memberships, organizations, users } from "@/lib/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { hashPassword } from "@/lib/crypto/password";
import { DEMO_PASSWORD } from "@/lib/db/seed";
import { AppError } from "@/lib/server/errors";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { actorForUser } from "@/lib/server/identity/resolve-actor";
import type { Actor, Role } from "@/lib/server/authz";

/**
 * A person acting in tests: the actor the session path resolves (actorForUser, roles read from the database), used
 * to call the services directly, since next-auth's session needs a Next request scope that vitest does not have.
 */
export async function person(email: string, org = "acme"): Promise<Actor> {
  const db = await getDb();
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  const actor = u ? await actorForUser(u.id, org) : null;
  if (!actor) throw new Error(`${email} is not a member of ${org}`);
  return actor;
}

/** Adds a person (demo password) to an org with the given roles, or sets their roles if they are already in it. */
export async function addPerson(email: string, roles: Role[], org = "acme"): Promise<Actor> {
  const db = await getDb();
  const [o] = await db.select().from(organizations).where(eq(organizations.slug, org));
  let [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!u)
    [u] = await db
      .insert(users)
      .values({ email, name: email.split("@")[0], passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning();
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, o.id), eq(memberships.userId, u.id)));
  if (m)
    await db
      .update(memberships)
      .set({ roles })
      .where(and(eq(memberships.orgId, o.id), eq(memberships.userId, u.id)));
  else await db.insert(memberships).values({ orgId: o.id, userId: u.id, roles });
  return person(email, org);
}

/**
 * An API key of a person: bounded by, and attributed to, them. Made through the service when they may manage keys,
 * otherwise inserted as if an admin had issued it to them.
 */
export async function personKey(creator: Actor, roles: Role[], name = `key-of-${creator.label}`): Promise<string> {
  if (creator.roles.includes("admin")) return (await createApiKey({ actor: creator, input: { name, roles } })).key;
  const key = randomToken("wck");
  const db = await getDb();
  await db
    .insert(apiKeys)
    .values({ orgId: creator.orgId, name, roles, keyHash: sha256(key), prefix: key.slice(0, 8), createdBy: creator.label, createdByUserId: creator.personId });
  return key;
}

/** A service call as a REST caller would see it: status and JSON body, AppError as problem details. */
export async function asResponse(run: () => Promise<unknown>, okStatus = 200) {
  try {
    const result = await run();
    const text = result === undefined ? "" : JSON.stringify(result);
    return { status: okStatus, text, json: text ? JSON.parse(text) : undefined };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const json = { status: err.status, detail: err.message, ...(err.fieldErrors?.length ? { errors: err.fieldErrors } : {}) };
    return { status: err.status, text: JSON.stringify(json), json };
  }
}
