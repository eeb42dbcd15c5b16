import "server-only";
import type { Db } from "./types";

type Client = { query(config: { name: string; text: string; values: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Which database an opened `db` is, and what a PGlite instance has prepared, live ON those objects under global
 * symbols, not in this module's own maps: Next bundles a module once per layer (instrumentation, route handlers),
 * so a map here would be one per copy, and a `db` marked by one copy unknown to the next (a 500 on every publish
 * in the e2e run that found it), and two copies would both PREPARE the same name.
 */
const KIND = Symbol.for("webhook-console.db-kind");
const PREPARED = Symbol.for("webhook-console.pglite-prepared");
type Kind = "pglite" | "postgres";
type Prepared = Map<string, { text: string; done: Promise<unknown> }>;

/** Records which database `db` is (where it is opened: open.ts, the test database). */
export function markKind<T extends object>(db: T, kind: Kind): T {
  Object.defineProperty(db, KIND, { value: kind });
  return db;
}

/**
 * A fixed hot-path statement, parsed and planned once per connection instead of on every call (planning was a third
 * of the publish statement's time on PostgreSQL, 3 of 5 ms on PGlite). PostgreSQL: a named prepared statement of
 * the extended protocol. PGlite always sends the unnamed one, and a parameter cannot reach `EXECUTE` through it, so
 * there the statement is `PREPARE`d once and run as `EXECUTE name(literal, …)` (sqlLiteral).
 * `text` must not vary between calls of the same `name`.
 */
export async function runNamed<Row>(db: Db, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const kind = (db as unknown as { [KIND]?: Kind })[KIND];
  // A pool's sessions do not share a PREPARE: guessing would break on PostgreSQL, so an unmarked db is an error.
  if (!kind) throw new Error(`runNamed(${name}): this db was not opened through lib/db/open.ts (markKind)`);
  const client = (db as unknown as { $client: Client & { [PREPARED]?: Prepared } }).$client;
  if (kind === "postgres") return (await client.query({ name, text, values })).rows as Row[];
  const prepared: Prepared = (client[PREPARED] ??= new Map() as Prepared);
  let preparing = prepared.get(name);
  if (!preparing) {
    // Concurrent first calls share one PREPARE; a failed one is tried again by the next call.
    prepared.set(name, (preparing = { text, done: client.query(`prepare ${name} as ${text}`) }));
    preparing.done.catch(() => prepared.delete(name));
  }
  // As node-postgres does for its named statements: a name reused for other text would run the old statement.
  if (preparing.text !== text) throw new Error(`runNamed(${name}): the statement's text changed between calls`);
  await preparing.done;
  const args = values.length ? `(${values.map(sqlLiteral).join(", ")})` : ""; // `execute name()` is a syntax error
  return (await client.query(`execute ${name}${args}`)).rows as Row[];
}

/**
 * A value as an untyped SQL literal (its parameter's type applies, as with a bound parameter): an escape string
 * (`E'…'`, so its meaning does not depend on `standard_conforming_strings`) with every backslash and quote doubled.
 * A NUL, which no text value may hold and which would end the statement, is refused.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  const scalar = typeof value === "number" || typeof value === "boolean" || typeof value === "bigint";
  const text = typeof value === "string" ? value : scalar ? String(value) : JSON.stringify(value);
  if (text.includes("\0")) throw new Error("A statement value may not contain a NUL character.");
  return `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}
