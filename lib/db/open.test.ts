import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPostgres } from "./open";

const url = process.env.DATABASE_URL;
const saved = process.env.PG_RANDOM_PAGE_COST;
afterEach(() => {
  if (saved === undefined) delete process.env.PG_RANDOM_PAGE_COST;
  else process.env.PG_RANDOM_PAGE_COST = saved;
});

const costOf = async () => {
  const handle = await openPostgres(url!);
  try {
    return (await handle.db.execute<{ random_page_cost: string }>(sql`show random_page_cost`)).rows[0].random_page_cost;
  } finally {
    await handle.close();
  }
};

describe.skipIf(!url)("PostgreSQL connections: the planner's random_page_cost", () => {
  it("is 1.1 by default, PG_RANDOM_PAGE_COST when set, the server's with `server`", async () => {
    delete process.env.PG_RANDOM_PAGE_COST;
    expect(await costOf()).toBe("1.1");
    process.env.PG_RANDOM_PAGE_COST = "2";
    expect(await costOf()).toBe("2");
    process.env.PG_RANDOM_PAGE_COST = "server";
    expect(await costOf()).toBe("4");
  });

  it("refuses a value that is not a positive number, with the variable's name", async () => {
    process.env.PG_RANDOM_PAGE_COST = "fast";
    await expect(openPostgres(url!)).rejects.toThrow(/PG_RANDOM_PAGE_COST/);
  });
});
