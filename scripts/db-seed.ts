// npm run db:seed — with DEMO=true, create the demo organizations, users and event-type catalog if missing.
// A real install seeds no people: its first admin comes from /setup or `npm run cli -- admin create`.
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "@/lib/db/open";
import { DEMO_PASSWORD, seedDemo } from "@/lib/db/seed";

const e = env();
if (!e.DEMO) {
  console.error(
    "Nothing to seed: demo accounts (with a public password) are created only with DEMO=true.\n" +
      "For a real install create the first admin at /setup (token in the server log) or with\n" +
      "  npm run cli -- admin create --org <slug> --email <you@example.com>",
  );
  process.exit(2);
}
const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, { migrate: true }) : await openEmbedded(e.DATA_DIR);
const created = await seedDemo(handle.db);
console.log(created ? `seeded demo data; every demo user's password is ${DEMO_PASSWORD}` : "demo data already present");
await handle.close();
