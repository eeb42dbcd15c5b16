import "server-only";
import { env } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import { parseAllowedCidrs } from "../ssrf";
import { pgSubscriber } from "./listen";
import { startWorker, type Worker } from "./worker";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/server/jobs/background";

const g = globalThis as unknown as { __wcWorker?: Worker; __wcJobs?: BackgroundJobs };

/** The delivery worker of this process (once). In embedded mode it must live in the web server. */
export async function startDeliveryWorker(): Promise<Worker> {
  if (g.__wcWorker) return g.__wcWorker;
  const e = env();
  const { db, kind } = await getDbHandle();
  g.__wcWorker = startWorker({
    db,
    allowedCidrs: parseAllowedCidrs(e.ALLOWED_TARGET_CIDRS),
    leaseMs: e.DELIVERY_LEASE_MS,
    subscribe: kind === "postgres" && e.DATABASE_URL ? pgSubscriber(e.DATABASE_URL) : undefined,
    log: (msg) => console.error(`[worker] ${msg}`),
  });
  g.__wcJobs = startBackgroundJobs({ db, smtpUrl: e.SMTP_URL, mailFrom: e.MAIL_FROM, log: (msg) => console.error(`[worker] ${msg}`) });
  return g.__wcWorker;
}

export async function stopDeliveryWorker() {
  const worker = g.__wcWorker;
  const jobs = g.__wcJobs;
  g.__wcWorker = undefined;
  g.__wcJobs = undefined;
  await Promise.all([worker?.stop(), jobs?.stop()]);
}
