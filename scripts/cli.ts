// npm run cli -- api-key create --org acme --roles admin --name ci
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "@/lib/db/open";
import { DataDirBusyError } from "@/lib/db/data-dir-lock";
import { organizations } from "@/lib/db/schema";
import { createApiKeySchema } from "@/lib/schemas/api-keys";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { apiKeys } from "@/lib/db/schema";
import { recordAudit } from "@/lib/server/audit/record-audit";

const usage = "usage: npm run cli -- api-key create --org <slug> --roles admin[,tester,…] --name <name>";
const { positionals, values } = parseArgs({ allowPositionals: true, options: { org: { type: "string" }, roles: { type: "string" }, name: { type: "string" } } });
if (positionals.join(" ") !== "api-key create" || !values.org) {
  console.error(usage);
  process.exit(2);
}
const input = createApiKeySchema.safeParse({ name: values.name ?? "cli", roles: (values.roles ?? "admin").split(",") });
if (!input.success) {
  console.error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}

const e = env();
let handle;
try {
  handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL) : await openEmbedded(e.DATA_DIR);
} catch (err) {
  if (err instanceof DataDirBusyError) {
    console.error(`${err.message}\nCreate the key in the console (Developer → API keys) while it runs, or stop it first.`);
    process.exit(1);
  }
  throw err;
}
const [org] = await handle.db.select().from(organizations).where(eq(organizations.slug, values.org));
if (!org) {
  console.error(`No organization "${values.org}".`);
  process.exit(1);
}
const key = randomToken("wck");
const [row] = await handle.db
  .insert(apiKeys)
  .values({ orgId: org.id, name: input.data.name, roles: input.data.roles, keyHash: sha256(key), prefix: key.slice(0, 8), createdBy: "cli" })
  .returning();
await recordAudit({ actor: { kind: "system", id: "cli", label: "cli" }, orgId: org.id, action: "api_key.created", target: { type: "api_key", id: row.id, label: row.name }, summary: { roles: row.roles } }, handle.db);
console.log(key);
console.error(`API key "${row.name}" (${row.roles.join(", ")}) for ${org.slug}. It is shown only this once.`);
await handle.close();
