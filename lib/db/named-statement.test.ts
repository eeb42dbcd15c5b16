import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase, type TestDatabase } from "@/lib/testing/open-test-database";
import { runNamed, sqlLiteral } from "./named-statement";

let h: TestDatabase;
beforeAll(async () => {
  h = await openTestDatabase();
}, 60_000);
afterAll(() => h?.close());

const ECHO = "select $1::text as t, $2::jsonb as j, $3::boolean as b, $4::int as n";
const hostile = [
  "it's",
  "back\\slash\\",
  "\\'; drop table organizations; --",
  "'); drop table organizations; select ('",
  "$$ $tag$ E'x' \\x27",
  "ünïcödé ✓ 𝄞",
  "",
];

describe(`runNamed on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: the statement prepared once, the values exact`, () => {
  it("returns every hostile text and JSON value exactly, twice (prepared, then reused), and runs nothing it carries", async () => {
    for (const round of [1, 2]) {
      for (const text of hostile) {
        const json = { text, list: [text, null], round };
        const [row] = await runNamed<{ t: string; j: unknown; b: boolean; n: number }>(h.db, "echo_values", ECHO, [
          text,
          JSON.stringify(json),
          round === 1,
          round,
        ]);
        expect(row).toEqual({ t: text, j: json, b: round === 1, n: round });
      }
    }
    const tables = await h.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'organizations'`);
    expect(tables.rows[0]).toEqual({ n: 1 });
  });

  it("prepares once when the first calls come together", async () => {
    const rows = await Promise.all([1, 2, 3, 4].map((n) => runNamed<{ n: number }>(h.db, "echo_together", "select $1::int as n", [n])));
    expect(rows.map(([r]) => r.n)).toEqual([1, 2, 3, 4]);
  });

  it("refuses a db it was not told the kind of (guessing wrong would PREPARE on one pooled session, EXECUTE on another)", async () => {
    const unmarked = { $client: (h.db as unknown as { $client: unknown }).$client } as unknown as typeof h.db;
    await expect(runNamed(unmarked, "echo_unmarked", "select 1", [])).rejects.toThrow(/markKind/);
  });

  // (node-postgres does the same per connection; which pooled connection a call gets is not this test's to choose.)
  it.skipIf(Boolean(process.env.DATABASE_URL))("refuses other text under a name already used", async () => {
    expect(await runNamed(h.db, "echo_fixed", "select 1 as n", [])).toEqual([{ n: 1 }]);
    await expect(runNamed(h.db, "echo_fixed", "select 2 as n", [])).rejects.toThrow(/text changed/);
  });

  it("passes null as NULL", async () => {
    const [row] = await runNamed<{ t: string | null }>(h.db, "echo_null", "select $1::text as t", [null]);
    expect(row.t).toBeNull();
  });
});

describe("sqlLiteral", () => {
  it("doubles quotes and backslashes inside an escape string, and refuses a NUL", () => {
    expect(sqlLiteral("a'b\\c")).toBe("E'a''b\\\\c'");
    expect(sqlLiteral(true)).toBe("E'true'");
    expect(sqlLiteral(undefined)).toBe("null");
    expect(() => sqlLiteral("a\0b")).toThrow(/NUL/);
  });
});
