import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";
import { webhooks } from "./webhooks";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const events = pgTable(
  "events",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    type: text("type").notNull(),
    source: text("source").notNull(),
    time: ts("time").notNull().defaultNow(),
    data: jsonb("data").$type<unknown>().notNull(),
    isTest: boolean("is_test").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index("events_org_time_idx").on(t.orgId, t.time)],
);

export type DeliveryStatus = "pending" | "sending" | "succeeded" | "failed" | "diverted";
/**
 * exhausted: attempts ran out · suspended/disabled: the webhook was not receiving · gone: the receiver answered 410 ·
 * crashed: claimed again and again without a result (the worker crashed or died while sending it).
 */
export type DivertedReason = "exhausted" | "suspended" | "disabled" | "gone" | "crashed";

export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    webhookVersion: integer("webhook_version").notNull(),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Attempts made before the current retry cycle (a redelivery starts a new cycle). */
    retryBase: integer("retry_base").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    leaseUntil: ts("lease_until"),
    leasedBy: text("leased_by"),
    lastStatusCode: integer("last_status_code"),
    lastErrorClass: text("last_error_class"),
    divertedReason: text("diverted_reason").$type<DivertedReason>(),
    divertedAt: ts("diverted_at"),
    isTest: boolean("is_test").notNull().default(false),
    /** Claims since the last recorded result: a delivery that keeps killing its worker is diverted, not retried forever. */
    claims: integer("claims").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // The claim scans due rows in time order; a lease that ran out (status sending) is due again.
    index("deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status in ('pending', 'failed', 'sending')`),
    index("deliveries_org_status_idx").on(t.orgId, t.status, t.createdAt),
    index("deliveries_webhook_idx").on(t.webhookId, t.createdAt),
    // Fair claiming walks each webhook's due rows in time order (claim.ts).
    index("deliveries_webhook_due_idx")
      .on(t.webhookId, t.nextAttemptAt)
      .where(sql`status in ('pending', 'failed', 'sending')`),
    index("deliveries_event_idx").on(t.orgId, t.eventId),
  ],
);

export const attempts = pgTable(
  "attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    attemptNo: integer("attempt_no").notNull(),
    startedAt: ts("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    errorClass: text("error_class"),
    errorMessage: text("error_message"),
    nextAttemptAt: ts("next_attempt_at"),
  },
  (t) => [index("attempts_delivery_idx").on(t.deliveryId, t.attemptNo)],
);
