import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./orgs";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Failed sign-in counters, one row per key ("acct:<email>|<address>" or "addr:<address>").
 * Kept apart from the audit log (which keeps the events) so they can expire and be reset.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lastFailedAt: ts("last_failed_at").notNull(),
    blockedUntil: ts("blocked_until"),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sign_in_failures_expires_idx").on(t.expiresAt)],
);

/** One-time setup tokens of an install that has no admin yet (SHA-256 only; all deleted once an admin exists). */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  createdAt: ts("created_at").notNull().defaultNow(),
  expiresAt: ts("expires_at").notNull(),
});

/**
 * OpenID Connect identities linked to accounts by (issuer, subject). A row with `subject` null is an
 * admin-made link waiting for that person's first OIDC sign-in (with a verified e-mail).
 */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject"),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    linkedAt: ts("linked_at"),
  },
  (t) => [uniqueIndex("oidc_identities_issuer_subject_idx").on(t.issuer, t.subject), uniqueIndex("oidc_identities_user_issuer_idx").on(t.userId, t.issuer)],
);
