// Webhooks list page: server render time of /developer/webhooks for the org holding 2,000 webhooks, under `next start`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openEmbedded } from "@/lib/db/open";
import { openTestDatabase } from "@/lib/testing/open-test-database";
import { seedListBench } from "./webhooks-list";
import { ms, timeIt } from "./_stats";

const PORT = 3391;
export const base = `http://127.0.0.1:${PORT}`;

/** `next start` on PORT with `extraEnv` (its engine off unless `WORKER` is given); resolves to its stop function. */
export async function startServer(extraEnv: Record<string, string>) {
  const child = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, WORKER: "off", ...extraEnv, AUTH_TRUST_HOST: "true", DEMO: "true", PORT: String(PORT) },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (
      await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return () => process.kill(-child.pid!, "SIGTERM");
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error("next start did not come up");
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** A session cookie for a demo account (password of the demo seed). */
export async function signIn(email: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password: "demo-password-1", csrfToken, callbackUrl: `${base}/developer/webhooks` }),
  });
  const cookie = cookiesOf(res);
  if (!cookie.includes("session-token")) throw new Error(`sign-in failed (${res.status})`);
  return cookie;
}

async function measure(label: string, env: Record<string, string>) {
  const stop = await startServer(env);
  try {
    const cookie = await signIn("admin@example.com");
    console.log("| database | page | p50 | p95 |\n|---|---|---|---|");
    for (const [name, query] of [
      ["first page", ""],
      ["name filter", "?name=billing"],
      ["page 100", "?offset=1980"],
    ]) {
      const get = async () => {
        const res = await fetch(`${base}/developer/webhooks${query}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        await res.text();
      };
      const { p50, p95 } = await timeIt(100, get);
      console.log(`| ${label} | ${name} | ${ms(p50)} | ${ms(p95)} |`);
    }
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function benchWebhooksPage() {
  if (!fs.existsSync(".next/BUILD_ID")) return console.log("skipped: run `npx next build` first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-bench-page-"));
  const embedded = await openEmbedded(dataDir);
  await seedListBench(embedded.db);
  await embedded.close(); // one process per PGlite directory: hand it to the server
  await measure("pglite", { DATA_DIR: dataDir, DATABASE_URL: "" });
  if (process.env.DATABASE_URL) {
    const pg = await openTestDatabase();
    await seedListBench(pg.db);
    await measure("postgres", { DATABASE_URL: pg.url! });
    await pg.close();
  }
}
