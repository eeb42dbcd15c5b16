import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** One-time invitation links: only the token's hash is stored; accepted, revoked or expired ones never work again. */
export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    roles: text("roles").array().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedById: text("invited_by_id").notNull(),
    invitedByLabel: text("invited_by_label").notNull(),
    changeRequestId: uuid("change_request_id"),
    /** An invite granting the approver role while approvals are on waits for a second approver. */
    awaitingApproval: boolean("awaiting_approval").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    acceptedUserId: uuid("accepted_user_id"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("invites_org_idx").on(t.orgId, t.createdAt)],
);
