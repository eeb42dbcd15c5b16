import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./orgs";
import { webhooks } from "./webhooks";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The in-app notification centre: one row per recipient. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    createdAt: ts("created_at").notNull().defaultNow(),
    readAt: ts("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.orgId, t.createdAt)],
);

/** Per person and org: e-mail on or off, and the operational event types they do not want by e-mail. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    emailEnabled: boolean("email_enabled").notNull().default(true),
    mutedTypes: text("muted_types")
      .array()
      .notNull()
      .default(sql`'{}'`),
  },
  (t) => [primaryKey({ name: "notification_preferences_pk", columns: [t.userId, t.orgId] })],
);

/** Storm control per (webhook, alert): when it was last announced, what accumulated since, whether a recovery is owed. */
export const alertState = pgTable(
  "alert_state",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    alert: text("alert").notNull(),
    lastSentAt: ts("last_sent_at"),
    pendingCount: integer("pending_count").notNull().default(0),
    active: boolean("active").notNull().default(false),
  },
  (t) => [primaryKey({ name: "alert_state_pk", columns: [t.webhookId, t.alert] })],
);

/** E-mail is sent from an outbox drained by the worker, so a slow SMTP server never holds up delivery. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    leaseUntil: ts("lease_until"),
    sentAt: ts("sent_at"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`sent_at IS NULL`),
  ],
);

export type RecoveryJobStatus = "queued" | "running" | "succeeded" | "cancelled" | "failed";

/** Redelivering many deliveries (a time range, or all diverted) as a job the worker runs in batches. */
export const recoveryJobs = pgTable(
  "recovery_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    /** range: failed or diverted deliveries of a webhook in [from, to) · diverted: every diverted delivery (optionally of one webhook). */
    scope: text("scope").$type<"range" | "diverted">().notNull(),
    eventTypes: text("event_types").array(),
    rangeFrom: ts("range_from"),
    rangeTo: ts("range_to"),
    status: text("status").$type<RecoveryJobStatus>().notNull().default("queued"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    redelivered: integer("redelivered").notNull().default(0),
    cursorCreatedAt: ts("cursor_created_at"),
    cursorId: uuid("cursor_id"),
    leaseUntil: ts("lease_until"),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("recovery_jobs_org_idx").on(t.orgId, t.createdAt),
    index("recovery_jobs_open_idx")
      .on(t.createdAt)
      .where(sql`status in ('queued', 'running')`),
  ],
);
