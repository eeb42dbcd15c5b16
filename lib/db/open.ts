import "server-only";
import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import type { Pool } from "pg";
import type { Db } from "./types";
import { acquireDataDirLock } from "./data-dir-lock";

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

export async function openEmbedded(dataDir: string) {
  const release = acquireDataDirLock(dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(path.join(dataDir, "pglite"));
  const db = drizzlePglite({ client, schema }) as unknown as Db;
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

export async function openPostgres(url: string, { migrate = false } = {}) {
  const { Pool } = (await import("pg")).default;
  const pool = new Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  const db = drizzlePg({ client: pool, schema });
  if (migrate) await migratePostgres(db, pool);
  return { db, kind: "postgres" as const, close: () => pool.end() };
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
