import { bigint, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

/** Upper bounds (ms) of the latency buckets: each `le_<n>` column counts attempts in (previous bound, n]. */
export const LATENCY_BOUNDS_MS = [25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

/**
 * Delivery counters per webhook per minute (bucket_seconds 60, kept a day) and per hour (3600, folded into one all-time
 * row, bucket_seconds 0, after 35 days): each attempt is counted once in each. Charts and
 * metrics read these, never `attempts`. No foreign key to the webhook: a deleted webhook's history still counts.
 */
export const deliveryRollups = pgTable(
  "delivery_rollups",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id").notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true, mode: "date" }).notNull(),
    bucketSeconds: integer("bucket_seconds").notNull(),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    diverted: integer("diverted").notNull().default(0),
    durationMsSum: bigint("duration_ms_sum", { mode: "number" }).notNull().default(0),
    le25: integer("le_25").notNull().default(0),
    le50: integer("le_50").notNull().default(0),
    le100: integer("le_100").notNull().default(0),
    le250: integer("le_250").notNull().default(0),
    le500: integer("le_500").notNull().default(0),
    le1000: integer("le_1000").notNull().default(0),
    le2500: integer("le_2500").notNull().default(0),
    le5000: integer("le_5000").notNull().default(0),
    le10000: integer("le_10000").notNull().default(0),
    leInf: integer("le_inf").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.webhookId, t.bucketSeconds, t.bucketStart] }),
    index("delivery_rollups_org_bucket_time_idx").on(t.orgId, t.bucketSeconds, t.bucketStart),
  ],
);
