import "server-only";
import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import type { Pool } from "pg";
import type { Db } from "./types";
import { markKind } from "./named-statement";
import { acquireDataDirLock } from "./data-dir-lock";
import { openPgliteThread, pgliteOverPort } from "./pglite-thread-client";
import type { MessagePort } from "node:worker_threads";
import { noteDatabaseError, noteDatabaseReachable, setDatabaseProbe } from "./reachability";
import { describeDbError } from "./unavailable";

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

export async function openEmbedded(dataDir: string) {
  // The database holds hashed passwords and encrypted credentials: the owner's alone.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  const release = acquireDataDirLock(dataDir);
  const client = await openPglite(path.join(dataDir, "pglite"));
  const db = markKind(drizzlePglite({ client: client as never, schema }) as unknown as Db, "pglite");
  await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    kind: "pglite" as const,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * The embedded database as seen from another thread (the delivery engine's, engine-thread.ts), through a port that
 * the web server attached to PGlite's thread. Opened and migrated by the web server already; closing closes the port.
 */
export function openEmbeddedOverPort(port: MessagePort) {
  const client = pgliteOverPort(port);
  const db = markKind(drizzlePglite({ client: client as never, schema }) as unknown as Db, "pglite");
  return { db, kind: "pglite" as const, close: () => client.close() };
}

/** A port to the embedded database for another thread (openEmbeddedOverPort), or null when PGlite runs on this one. */
export function attachEmbeddedPort(db: Db): MessagePort | null {
  const client = (db as unknown as { $client: { attachPort?: () => MessagePort } }).$client;
  return client.attachPort?.() ?? null;
}

/**
 * PGlite in its own thread (the default), so its synchronous WebAssembly never blocks the web server's event loop;
 * PGLITE_THREAD=off keeps it on the calling thread. `dataDir` undefined: in memory.
 */
export async function openPglite(dataDir?: string) {
  if (process.env.PGLITE_THREAD !== "off") return openPgliteThread(dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(dataDir);
}

/**
 * A pool that survives the server going away (restart, failover, pg_terminate_backend): every connection, idle or
 * checked out, has an `error` listener (without one, node-postgres's error event kills the process), connecting
 * gives up after a few seconds instead of hanging, and a statement that runs away is cancelled by the server.
 * Broken connections are dropped by the pool; the next query opens a fresh one.
 */
export async function openPostgres(url: string, { migrate = false, log = logPoolError }: { migrate?: boolean; log?: (msg: string) => void } = {}) {
  const { Pool } = (await import("pg")).default;
  // 0 turns the bound off. A migrating process has none: building an index on a large table may take minutes.
  const statementTimeout = migrate ? 0 : Number(process.env.PG_STATEMENT_TIMEOUT_MS ?? 30_000);
  // PostgreSQL's default (4) prices random reads for spinning disks; once `deliveries` had statistics, the claim
  // then walked the global due index, filtering out every other webhook's rows, instead of each webhook's own
  // (24 against 12 ms a claim of 250: performance.md §8). "server" keeps the server's setting.
  const randomPageCost = process.env.PG_RANDOM_PAGE_COST ?? "1.1";
  if (randomPageCost !== "server" && !(Number(randomPageCost) > 0))
    throw new Error(`PG_RANDOM_PAGE_COST must be a positive number or "server", not "${randomPageCost}"`);
  const pool = new Pool({
    connectionString: url,
    ...(randomPageCost === "server" ? {} : { options: `-c random_page_cost=${Number(randomPageCost)}` }),
    max: Number(process.env.PG_POOL_MAX ?? 10),
    connectionTimeoutMillis: Number(process.env.PG_CONNECT_TIMEOUT_MS ?? 5_000),
    ...(statementTimeout > 0
      ? {
          statement_timeout: statementTimeout,
          // Client-side bound too: a connection whose server vanished without a FIN (failover, network) never answers.
          query_timeout: statementTimeout + 5_000,
        }
      : {}),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  pool.on("error", (err) => {
    noteDatabaseError(err);
    log(`idle connection lost: ${describeDbError(err)}`);
  });
  pool.on("connect", (client) =>
    client.on("error", (err) => {
      noteDatabaseError(err);
      log(`connection lost: ${describeDbError(err)}`);
    }),
  );
  trackReachability(pool);
  const db = markKind(drizzlePg({ client: pool, schema }), "postgres");
  if (migrate) await migratePostgres(db, pool);
  return { db, kind: "postgres" as const, close: () => pool.end() };
}

/**
 * Every checkout of a connection says whether the database is reachable (reachability.ts): a refused or timed-out
 * connect marks it down, a successful one up. `pool.query` checks out through `connect` too.
 */
function trackReachability(pool: Pool) {
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, ...rest: unknown[]) => void) => unknown;
  pool.connect = ((cb?: (err: Error | undefined, ...rest: unknown[]) => void) => {
    if (!cb)
      return (connect() as Promise<unknown>).then(
        (client) => (noteDatabaseReachable(), client),
        (err) => {
          noteDatabaseError(err);
          throw err;
        },
      );
    return connect((err, ...rest) => {
      if (err) noteDatabaseError(err);
      else noteDatabaseReachable();
      cb(err, ...rest);
    });
  }) as Pool["connect"];
  setDatabaseProbe(() => pool.query("select 1"));
}

/** Migrations on PostgreSQL are an explicit step, serialised by an advisory lock. */
export async function migratePostgres(db: Db, pool: Pool) {
  const conn = await pool.connect();
  try {
    await conn.query("select pg_advisory_lock(727274)");
    await migratePg(db, { migrationsFolder });
  } finally {
    await conn.query("select pg_advisory_unlock(727274)").catch(() => {});
    conn.release();
  }
}

// Once per burst, not once per connection: a restart drops all ten connections of the pool at once.
let lastPoolLog = 0;
function logPoolError(msg: string) {
  if (Date.now() - lastPoolLog < 10_000) return;
  lastPoolLog = Date.now();
  console.error(`[db] ${msg} (the pool reconnects on the next query)`);
}
