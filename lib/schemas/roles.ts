/** The role names, shared by the permission map (lib/server/authz), the schemas, the seed and the role pickers. */
export const ROLES = ["admin", "approver", "tester", "viewer"] as const;
export type Role = (typeof ROLES)[number];
