import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per delivery worker process (or embedded worker), written by the worker itself every few seconds.
 * Read through lib/server/workers/list-workers.ts (System page, readiness, metrics) — not organization data.
 */
export const workerHeartbeats = pgTable(
  "worker_heartbeats",
  {
    /** The worker id it leases deliveries with (`deliveries.leased_by`). */
    id: text("id").primaryKey(),
    host: text("host").notNull(),
    pid: integer("pid").notNull(),
    /** The console's package version the worker runs. */
    version: text("version").notNull(),
    /** Runs inside a web server process (embedded mode) rather than `npm run worker`. */
    embedded: boolean("embedded").notNull().default(false),
    startedAt: ts("started_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    /** Set by a clean shutdown; a worker that died keeps it null and goes stale, then gone. */
    stoppedAt: ts("stopped_at"),
    /** Sends under way at the last heartbeat. */
    inFlight: integer("in_flight").notNull().default(0),
    /** Successful deliveries in the minute before the last heartbeat. */
    deliveredPerMinute: integer("delivered_per_minute").notNull().default(0),
  },
  (t) => [index("worker_heartbeats_last_seen_idx").on(t.lastSeenAt)],
);
