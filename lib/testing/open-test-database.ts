import crypto from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import * as schema from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { openPostgres } from "@/lib/db/open";
import { markKind } from "@/lib/db/named-statement";
import { openPgliteThread } from "@/lib/db/pglite-thread-client";

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

export type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

/** The real database for this test file: in-memory PGlite, or a fresh database on DATABASE_URL's server. */
export async function openTestDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // In-thread PGlite unless TEST_PGLITE_THREAD=1 (the embedded server's own setup: PGlite in a worker thread).
    const client = process.env.TEST_PGLITE_THREAD === "1" ? await openPgliteThread() : await (await import("@electric-sql/pglite")).PGlite.create();
    const db = markKind(drizzlePglite({ client: client as never, schema }) as unknown as Db, "pglite");
    await migratePglite(db as never, { migrationsFolder });
    return { db, kind: "pglite" as const, url: undefined as string | undefined, close: () => client.close() };
  }
  const name = `wc_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(url);
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openPostgres(testUrl.toString(), { migrate: true });
  return {
    ...handle,
    url: testUrl.toString() as string | undefined,
    close: async () => {
      await handle.close();
      const again = await openPostgres(url);
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    },
  };
}
