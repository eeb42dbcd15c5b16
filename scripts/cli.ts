// npm run cli -- api-key create --org acme --roles admin --name ci
// npm run cli -- admin create --org acme --email you@example.com [--org-name "Acme Payments"] [--name "Ada"]
//   (the password is read from the terminal without echo, or from stdin — never from argv)
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { openEmbedded, openPostgres } from "@/lib/db/open";
import { DataDirBusyError } from "@/lib/db/data-dir-lock";
import { organizations } from "@/lib/db/schema";
import { createApiKeySchema } from "@/lib/schemas/api-keys";
import { adminAccountSchema } from "@/lib/schemas/setup";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { apiKeys } from "@/lib/db/schema";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { addOrgAdmin } from "@/lib/server/install/add-org-admin";
import { AppError } from "@/lib/server/errors";
import { readPassword } from "./read-password";

const usage = [
  "usage: npm run cli -- api-key create --org <slug> --roles admin[,tester,…] --name <name>",
  "       npm run cli -- admin create --org <slug> --email <email> [--org-name <name>] [--name <name>]   (password from the terminal or stdin)",
].join("\n");
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { org: { type: "string" }, roles: { type: "string" }, name: { type: "string" }, email: { type: "string" }, "org-name": { type: "string" } },
});
const command = positionals.join(" ");
if (!["api-key create", "admin create"].includes(command) || !values.org) {
  console.error(usage);
  process.exit(2);
}

async function open() {
  const e = env();
  try {
    return e.DATABASE_URL ? await openPostgres(e.DATABASE_URL) : await openEmbedded(e.DATA_DIR);
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      console.error(`${err.message}\nUse the console while it runs (Developer → API keys, /setup), or stop it first.`);
      process.exit(1);
    }
    throw err;
  }
}

if (command === "admin create") {
  const password = await readPassword("Password for the new admin (at least 12 characters): ");
  const input = adminAccountSchema.safeParse({ email: values.email, name: values.name, password });
  if (!input.success) {
    console.error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exit(2);
  }
  const handle = await open();
  try {
    const { org, user } = await handle.db.transaction((tx) =>
      addOrgAdmin(tx, { orgSlug: values.org!, orgName: values["org-name"] ?? values.org!, ...input.data }, "cli"),
    );
    console.error(`Admin ${user.email} of ${org.slug} (${org.name}) created. Sign in with the password you entered.`);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(err.fieldErrors?.map((f) => `${f.path}: ${f.message}`).join("\n") || err.message);
    process.exitCode = 1;
  }
  await handle.close();
} else {
  const input = createApiKeySchema.safeParse({ name: values.name ?? "cli", roles: (values.roles ?? "admin").split(",") });
  if (!input.success) {
    console.error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exit(2);
  }
  const handle = await open();
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
  await recordAudit(
    {
      actor: { kind: "system", id: "cli", label: "cli" },
      orgId: org.id,
      action: "api_key.created",
      target: { type: "api_key", id: row.id, label: row.name },
      summary: { roles: row.roles },
    },
    handle.db,
  );
  console.log(key);
  console.error(`API key "${row.name}" (${row.roles.join(", ")}) for ${org.slug}. It is shown only this once.`);
  await handle.close();
}
