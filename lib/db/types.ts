import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as schema from "./schema";

/** One Drizzle type for both drivers: PGlite's API is the node-postgres one. (Its own module, so open.ts and client.ts need not import each other.) */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
