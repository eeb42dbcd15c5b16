import { AppError } from "./errors";
import type { Role } from "@/lib/schemas/roles";

export { ROLES, type Role } from "@/lib/schemas/roles";

export const PERMISSIONS = [
  "webhooks.read",
  "webhooks.write",
  "webhooks.test",
  "deliveries.read",
  "deliveries.redeliver",
  "deliveries.redeliver-test",
  "diverted.manage",
  "events.read",
  "events.publish",
  "event-types.read",
  "event-types.write",
  "changes.read",
  "changes.review",
  "audit.read",
  "api-keys.manage",
  "members.read",
  "members.manage",
  "settings.read",
  "settings.write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const read: Permission[] = ["webhooks.read", "deliveries.read", "events.read", "event-types.read", "changes.read", "audit.read", "settings.read"];
// Testers redeliver test deliveries only; a production delivery is sent again by an admin (deliveries.redeliver).
const test: Permission[] = ["webhooks.test", "deliveries.redeliver-test"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: read,
  tester: [...read, ...test],
  approver: [...read, "changes.review"],
  admin: [
    ...read,
    ...test,
    "deliveries.redeliver",
    "webhooks.write",
    "diverted.manage",
    "events.publish",
    "event-types.write",
    "api-keys.manage",
    "members.read",
    "members.manage",
    "settings.write",
  ],
};

export type Actor = {
  kind: "user" | "api_key" | "system";
  id: string; // user id, API key id, or "system"
  label: string; // email, "API key <name> of <creator>", "system"
  /** The person acting: the user, or the creator of an API key (null for operator keys made with the CLI). */
  personId: string | null;
  orgId: string;
  orgSlug: string;
  roles: Role[];
  /** API keys: the stored roles its `roles` were computed from, so a write can re-check them (identity/key-cache.ts). */
  grant?: KeyGrant;
};

/** An API key's own roles and its creator's membership roles (null: an operator key, or the creator left). */
export type KeyGrant = { keyRoles: string[]; creatorRoles: string[] | null };

/** Deciding a change request is a person's act: no API key holds it, whatever its roles (DESIGN §1). */
const PERSON_ONLY: ReadonlySet<Permission> = new Set(["changes.review"]);

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

/** A role fits within someone's roles when it grants nothing they lack (viewer fits an admin; approver does not). */
export function roleWithin(role: Role, holder: readonly Role[]): boolean {
  const held = permissionsOf(holder);
  return [...permissionsOf([role])].every((p) => held.has(p));
}

export function can(actor: Pick<Actor, "roles" | "kind">, permission: Permission): boolean {
  if (PERSON_ONLY.has(permission) && actor.kind !== "user") return false;
  return permissionsOf(actor.roles).has(permission);
}

/** The one permission check. Services call it first; routes declare the same name. */
export function assertCan(actor: Pick<Actor, "roles" | "kind">, permission: Permission): void {
  if (!can(actor, permission)) {
    const why =
      PERSON_ONLY.has(permission) && actor.kind !== "user"
        ? `${permission} belongs to people: an API key can never use it.`
        : `This needs the ${permission} permission.`;
    throw new AppError("forbidden", why);
  }
}
