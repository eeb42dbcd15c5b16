import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type ChangeRequestStatus = "pending" | "approved" | "rejected" | "cancelled" | "stale" | "expired";

export const changeRequests = pgTable(
  "change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    action: text("action").$type<"create" | "update" | "delete">().notNull(),
    webhookId: uuid("webhook_id"),
    webhookName: text("webhook_name").notNull(),
    proposed: jsonb("proposed").$type<Record<string, unknown>>().notNull(),
    proposedSecretsEnc: text("proposed_secrets_enc"),
    baseVersion: integer("base_version"),
    requesterId: text("requester_id").notNull(),
    requesterLabel: text("requester_label").notNull(),
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
    uniqueIndex("change_requests_one_pending_idx").on(t.webhookId).where(sql`${t.status} = 'pending'`),
  ],
);
