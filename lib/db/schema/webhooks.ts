import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type FailureHandling = {
  maxAttempts: number;
  backoff: "exponential" | "linear";
  intervalSeconds?: number;
  suspendAfterFailures: number;
};
/** Non-secret auth settings; the key / client secret lives encrypted in `authSecretEnc`. */
export type AuthConfig = { type: "api_key"; header: string } | { type: "oauth2"; tokenUrl: string; clientId: string; scope?: string; audience?: string };

export const eventTypes = pgTable(
  "event_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    examplePayload: jsonb("example_payload").$type<unknown>().notNull().default({}),
    deprecated: boolean("deprecated").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("event_types_org_name_idx").on(t.orgId, t.name)],
);

export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    url: text("url").notNull(),
    auth: jsonb("auth").$type<AuthConfig>().notNull(),
    authSecretEnc: text("auth_secret_enc").notNull(),
    signingSecretEnc: text("signing_secret_enc").notNull(),
    previousSigningSecretEnc: text("previous_signing_secret_enc"),
    previousSecretExpiresAt: ts("previous_secret_expires_at"),
    eventTypes: text("event_types").array().notNull(),
    rateLimit: integer("rate_limit").notNull().default(10),
    headers: jsonb("headers").$type<Record<string, string[]>>().notNull().default({}),
    /** Secret custom headers: name -> sealed JSON of its values; `headers` holds "*****" for each of them. */
    secretHeaders: jsonb("secret_headers").$type<Record<string, string>>().notNull().default({}),
    failureHandling: jsonb("failure_handling").$type<FailureHandling>().notNull(),
    payloadMode: text("payload_mode").$type<"thin" | "full">().notNull().default("thin"),
    enabled: boolean("enabled").notNull().default(true),
    status: text("status").$type<"active" | "pending" | "disabled" | "suspended">().notNull(),
    statusReason: text("status_reason"),
    suspendedAt: ts("suspended_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** endpoint: a customer's webhook · operational: an admin's alert endpoint (Admin → Alerts), hidden from the Developer list. */
    kind: text("kind").$type<"endpoint" | "operational">().notNull().default("endpoint"),
    /** While set, new events queue (not diverted) and the claim skips this webhook. */
    pausedAt: ts("paused_at"),
    nextSlotAt: ts("next_slot_at").notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("webhooks_org_name_idx").on(t.orgId, sql`lower(${t.name})`), index("webhooks_org_created_idx").on(t.orgId, t.createdAt)],
);

/** Every applied change is an immutable version (secret-free; secrets appear as fingerprints). */
export const webhookVersions = pgTable(
  "webhook_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    changedFields: text("changed_fields").array().notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("webhook_versions_idx").on(t.webhookId, t.version)],
);
