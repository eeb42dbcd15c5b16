import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import { organizations } from "./schema";
import type { Db } from "./client";
import { inBackgroundLane, openPgliteThread, pgliteOverPort } from "./pglite-thread-client";

let client: Awaited<ReturnType<typeof openPgliteThread>>;
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

  it("runs what pages ask before the engine's queued work, and a background transaction still holds the session", async () => {
    const finished: string[] = [];
    const slow = (name: string) => db.execute(sql`select count(*) from generate_series(1, 300000)`).then(() => void finished.push(name));
    // The engine queues ten slow statements and a transaction; a page asks once, after all of them were queued.
    const queued = inBackgroundLane(() => [
      ...Array.from({ length: 10 }, (_, i) => slow(`engine ${i}`)),
      db.transaction(async (tx) => {
        await tx.insert(organizations).values({ slug: "thread-lane", name: "Lane" });
        await new Promise((r) => setTimeout(r, 30)); // a round trip to this thread, the session held meanwhile
        await tx.execute(sql`select 1`);
        finished.push("engine transaction");
      }),
    ]);
    const page = slow("page");
    await Promise.all([...queued, page]);
    // The page ran after the one statement already running, ahead of the other nine and the transaction.
    expect(finished.indexOf("page")).toBeLessThanOrEqual(1);
    expect(finished).toHaveLength(12);
    expect(finished.at(-1)).toBe("engine transaction");
    const [row] = await db.select().from(organizations).where(eq(organizations.slug, "thread-lane"));
    expect(row.name).toBe("Lane");
  });

  it("still gives the engine a turn while pages (or a producer) keep the default lane full", async () => {
    const finished: string[] = [];
    const slow = (name: string) => db.execute(sql`select count(*) from generate_series(1, 200000)`).then(() => void finished.push(name));
    const pages = Array.from({ length: 12 }, (_, i) => slow(`page ${i}`));
    const engine = inBackgroundLane(() => slow("engine"));
    await Promise.all([...pages, engine]);
    // Behind at most the running statement and 4 pages in a row, not behind all 12.
    expect(finished.indexOf("engine")).toBeGreaterThan(0);
    expect(finished.indexOf("engine")).toBeLessThanOrEqual(5);
  });
});

describe("a port attached for another thread (the delivery engine's, engine-thread.ts)", () => {
  const slugs = async (prefix: string) =>
    (await client.query(`select slug from organizations where slug like '${prefix}%' order by slug`)).rows.map((r) => (r as { slug: string }).slug);

  it("reaches the same database, runs its transactions next to the web server's, and closing it leaves the database open", async () => {
    const engine = pgliteOverPort(client.attachPort());
    const insertIn = (on: typeof engine, slug: string) =>
      on.transaction(async (tx) => {
        await tx.query("insert into organizations (slug, name) values ($1, $1)", [slug]);
        await tx.query("select pg_sleep(0.02)");
        await tx.query("insert into organizations (slug, name) values ($1, $1)", [`${slug}-2`]);
      });
    await Promise.all([insertIn(client, "port-web"), insertIn(engine, "port-engine"), insertIn(client, "port-web-again")]);
    expect(await slugs("port-")).toEqual(["port-engine", "port-engine-2", "port-web", "port-web-2", "port-web-again", "port-web-again-2"]);
    expect((await engine.query("select count(*)::int as n from organizations where slug like 'port-%'")).rows).toEqual([{ n: 6 }]);
    await engine.close();
    expect(await slugs("port-web")).toHaveLength(4); // closing the engine's port leaves the database open
  });

  it("rolls back a transaction whose port closed mid-way (a dead engine thread), so the session is not held forever", async () => {
    const port = client.attachPort();
    const engine = pgliteOverPort(port);
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    void engine
      .transaction(async (tx) => {
        await tx.query("insert into organizations (slug, name) values ('dead-engine', 'x')");
        inside();
        await new Promise(() => {}); // the thread dies here: no commit, no rollback
      })
      .catch(() => {});
    await opened;
    port.close();
    expect(await slugs("dead-engine")).toEqual([]); // answered at all: the session was freed, and nothing was committed
  });
});
