// npm run db:seed — create the demo organizations, users and event-type catalog if missing.
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "@/lib/db/open";
import { DEMO_PASSWORD, seedDemo } from "@/lib/db/seed";

const e = env();
const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, { migrate: true }) : await openEmbedded(e.DATA_DIR);
const created = await seedDemo(handle.db);
console.log(created ? `seeded demo data; every demo user's password is ${DEMO_PASSWORD}` : "demo data already present");
await handle.close();
