import { AppError } from "./errors";
import type { Role } from "@/lib/schemas/roles";

export { ROLES, type Role } from "@/lib/schemas/roles";

export const PERMISSIONS = [
  "webhooks.read",
  "webhooks.write",
  "webhooks.test",
  "deliveries.read",
  "deliveries.redeliver",
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

const read: Permission[] = [
  "webhooks.read",
  "deliveries.read",
  "events.read",
  "event-types.read",
  "changes.read",
  "audit.read",
  "settings.read",
];
const test: Permission[] = ["webhooks.test", "deliveries.redeliver"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: read,
  tester: [...read, ...test],
  approver: [...read, "changes.review"],
  admin: [
    ...read,
    ...test,
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
  label: string; // email, "API key <name>", "system"
  orgId: string;
  orgSlug: string;
  roles: Role[];
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(actor: Pick<Actor, "roles">, permission: Permission): boolean {
  return permissionsOf(actor.roles).has(permission);
}

/** The one permission check. Services call it first; routes declare the same name. */
export function assertCan(actor: Pick<Actor, "roles">, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("forbidden", `This needs the ${permission} permission.`);
}
