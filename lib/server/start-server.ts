import "server-only";
import { env } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { startDeliveryWorker } from "@/lib/delivery/engine/start";
import { startEngineThread } from "@/lib/delivery/engine/engine-thread-host";
import { installPeerAddressHeader } from "@/lib/http/client-address";
import { issueSetupToken } from "@/lib/server/install/issue-setup-token";
import { startRollupCompaction } from "@/lib/delivery/observe/compaction-loop";

/**
 * Server start: validate configuration, open the database; the demo seeds its accounts, a real install
 * without an admin prints a one-time setup token; start the worker.
 */
export async function startServer() {
  const e = env();
  if (process.env.NODE_ENV === "production" && !e.AUTH_TRUST_HOST && !e.AUTH_URL) {
    throw new Error(
      "Missing required setting: AUTH_URL (the console's public URL, e.g. https://webhooks.example.com) or AUTH_TRUST_HOST=true (behind a proxy that sets the Host header)",
    );
  }
  installPeerAddressHeader();
  const started = Date.now();
  const { db, kind } = await getDbHandle();
  if (e.DEMO) {
    if (await seedDemo(db)) console.log("[webhook-console] DEMO mode: seeded demo data (org acme, org globex); every demo account's password is public");
    else console.log("[webhook-console] DEMO mode: demo accounts have public passwords — do not keep real data here");
  } else {
    const token = await issueSetupToken(db);
    if (token) {
      const url = e.AUTH_URL ?? `http://localhost:${e.PORT}`;
      console.log(
        [
          "[webhook-console] This console has no admin yet. Create the first one at",
          `  ${new URL("/setup", url)}`,
          `with this one-time setup token (valid 24 h, shown only here): ${token}`,
          "or stop the server and run: npm run cli -- admin create --org <slug> --email <you@example.com>",
        ].join("\n"),
      );
    }
  }
  console.log(`[webhook-console] database ready (${kind}) in ${Date.now() - started} ms`);
  if (e.WORKER === "embedded") {
    const log = (msg: string) => console.error(`[worker] ${msg}`);
    const ownThread = (await startEngineThread(log)) !== null;
    if (!ownThread) await startDeliveryWorker({ embedded: true });
    startRollupCompaction({ db, log });
    console.log(`[webhook-console] delivery worker running in this process${ownThread ? ", in a thread of its own" : ""}`);
  }
}
