import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import { organizations } from "./schema";
import type { Db } from "./client";
import { openPgliteThread, type PgliteLike } from "./pglite-thread-client";

let client: PgliteLike;
let db: Db;
beforeAll(async () => {
  client = await openPgliteThread();
  db = drizzle({ client: client as never, schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: path.join(process.cwd(), "lib/db/migrations") });
});
afterAll(() => client?.close());

describe("PGlite in a worker thread, through drizzle", () => {
  it("reads and writes with drizzle's types (timestamps as Date, jsonb, arrays)", async () => {
    const [org] = await db.insert(organizations).values({ slug: "thread-a", name: "Thread A" }).returning();
    expect(org.createdAt).toBeInstanceOf(Date);
    const [again] = await db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(again).toEqual(org);
    const rows = await db.execute(sql`select ${JSON.stringify({ a: [1, 2] })}::jsonb as j, array['x','y']::text[] as t`);
    expect(rows.rows[0]).toEqual({ j: { a: [1, 2] }, t: ["x", "y"] });
  });

  it("commits a transaction, rolls one back on a throw, and keeps others' queries out of an open one", async () => {
    await db.transaction(async (tx) => {
      await tx.insert(organizations).values({ slug: "thread-b", name: "B" });
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(organizations).values({ slug: "thread-c", name: "C" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    let outsideSaw: number | undefined;
    await db.transaction(async (tx) => {
      await tx.insert(organizations).values({ slug: "thread-d", name: "D" });
      // Issued outside the transaction while it is open: runs after it commits, as with in-thread PGlite.
      void db
        .select()
        .from(organizations)
        .where(eq(organizations.slug, "thread-d"))
        .then((r) => (outsideSaw = r.length));
      await new Promise((r) => setTimeout(r, 50));
      expect(outsideSaw).toBeUndefined();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(outsideSaw).toBe(1);
    const slugs = (await db.select({ slug: organizations.slug }).from(organizations)).map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(["thread-b", "thread-d"]));
    expect(slugs).not.toContain("thread-c");
  });

  it("passes database errors on with their SQLSTATE and constraint, and rolls back nested savepoints", async () => {
    const err = await db
      .insert(organizations)
      .values({ slug: "thread-b", name: "dup" })
      .catch((e) => e);
    const cause = err.cause ?? err;
    expect(cause.code).toBe("23505");
    expect(cause.constraint).toMatch(/slug/);
    await db.transaction(async (tx) => {
      await tx.insert(organizations).values({ slug: "thread-e", name: "E" });
      await tx
        .transaction(async (inner) => {
          await inner.insert(organizations).values({ slug: "thread-f", name: "F" });
          inner.rollback();
        })
        .catch(() => {});
    });
    const slugs = (await db.select({ slug: organizations.slug }).from(organizations)).map((r) => r.slug);
    expect(slugs).toContain("thread-e");
    expect(slugs).not.toContain("thread-f");
  });
});
