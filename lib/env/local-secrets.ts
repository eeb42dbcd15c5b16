import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

type LocalSecrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

/**
 * Embedded mode needs no configuration: generate the secrets once and keep them beside the data.
 * The directory is the owner's alone (0700) and the secrets file 0600 — also when an older version
 * created them with the umask's modes.
 */
export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  }
  const secrets = {
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  };
  // wx: never overwrite a file another process wrote meanwhile.
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  console.log(`[webhook-console] generated AUTH_SECRET and ENCRYPTION_KEY into ${file}`);
  return secrets;
}
