import "server-only";
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "./open";
import type { Db } from "./types";

export type { Db, Tx, DbOrTx } from "./types";

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
