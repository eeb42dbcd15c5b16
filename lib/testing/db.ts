import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { openTestDatabase, type TestDatabase } from "./open-test-database";

export { openTestDatabase };
const g = globalThis as unknown as { __wcDb?: Promise<{ db: Db; kind: string; close: () => Promise<void> }> };

/** Installs a seeded test database as the process database for this file's tests. */
export function useTestDatabase({ seed = true } = {}) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase();
    if (seed) await seedDemo(handle.db);
    g.__wcDb = Promise.resolve(handle);
  });
  afterAll(async () => {
    g.__wcDb = undefined;
    await handle?.close();
  });
  return {
    get db() {
      return handle.db;
    },
    /** The test database's connection string (PostgreSQL only), for worker processes. */
    get url() {
      return handle.url;
    },
  };
}
