import "server-only";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema";
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "./open";

/** One Drizzle type for both drivers: PGlite's API is the node-postgres one. */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };
const g = globalThis as unknown as { __wcDb?: Promise<Handle> };

/** The process-wide database, opened and migrated once (at server start via instrumentation). */
export function getDbHandle(): Promise<Handle> {
  g.__wcDb ??= (async () => {
    const e = env();
    return e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : openEmbedded(e.DATA_DIR);
  })();
  return g.__wcDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = g.__wcDb;
  g.__wcDb = undefined;
  if (handle) await (await handle).close();
}
