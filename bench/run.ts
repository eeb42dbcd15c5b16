// npm run bench — runs every section in bench/ (each file exports `bench*` functions that print their figures).
// `npm run bench -- delivery` runs only the sections whose file name contains "delivery".
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Throwaway secrets for the benchmark's own databases (PostgreSQL mode requires them to be set).
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");

const only = process.argv[2];
const dir = import.meta.dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_") && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith("bench") || typeof fn !== "function") continue;
    console.log(`\n## ${file} · ${name}\n`);
    await (fn as () => Promise<void>)();
  }
}
process.exit(0);
