// npm run db:migrate — apply committed migrations to DATABASE_URL (under an advisory lock), or to the embedded database.
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "@/lib/db/open";

const e = env();
const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, { migrate: true }) : await openEmbedded(e.DATA_DIR);
console.log(`migrated (${handle.kind})`);
await handle.close();
