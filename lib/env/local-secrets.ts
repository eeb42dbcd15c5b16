import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

type LocalSecrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

/** Embedded mode needs no configuration: generate the secrets once and keep them beside the data. */
export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = {
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  console.log(`[webhook-console] generated AUTH_SECRET and ENCRYPTION_KEY into ${file}`);
  return secrets;
}
