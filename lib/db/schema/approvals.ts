import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** What a request changes: a webhook, or one of the rules that make four-eyes mean something. */
export type ChangeTargetKind = "webhook" | "settings" | "member-roles" | "invite";
export type ChangeRequestStatus = "pending" | "approved" | "rejected" | "cancelled" | "stale" | "expired";

export const changeRequests = pgTable(
  "change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    action: text("action").$type<"create" | "update" | "delete">().notNull(),
    targetKind: text("target_kind").$type<ChangeTargetKind>().notNull().default("webhook"),
    targetId: text("target_id"),
    webhookId: uuid("webhook_id"),
    webhookName: text("webhook_name").notNull(),
    proposed: jsonb("proposed").$type<Record<string, unknown>>().notNull(),
    proposedSecretsEnc: text("proposed_secrets_enc"),
    /** Sealed JSON of the secret header values an update proposes (name -> values). */
    proposedSecretHeadersEnc: text("proposed_secret_headers_enc"),
    baseVersion: integer("base_version"),
    requesterId: text("requester_id").notNull(),
    requesterLabel: text("requester_label").notNull(),
    /** The person behind the requester (the creator of an API key): they may not decide it either. */
    requesterPersonId: text("requester_person_id"),
    status: text("status").$type<ChangeRequestStatus>().notNull().default("pending"),
    reviewerId: text("reviewer_id"),
    reviewerLabel: text("reviewer_label"),
    reason: text("reason"),
    checks: jsonb("checks").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    decidedAt: ts("decided_at"),
    requesterNotifiedAt: ts("requester_notified_at"),
  },
  (t) => [
    index("change_requests_org_idx").on(t.orgId, t.status, t.createdAt),
    uniqueIndex("change_requests_one_pending_idx")
      .on(t.webhookId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
