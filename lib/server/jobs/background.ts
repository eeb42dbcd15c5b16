import "server-only";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import { createMailer, drainMailOutbox } from "../alerts/drain-mail-outbox";
import { flushDivertedDigests } from "../alerts/flush-diverted-digests";
import { runRecoveryBatch } from "../recovery/run-recovery-batch";

export type BackgroundOptions = { db: Db; smtpUrl?: string; mailFrom: string; pollMs?: number; log?: (msg: string) => void };

/**
 * The worker's second loop, beside delivery: recovery jobs in batches, the alert e-mail outbox, late diverted
 * digests. Separate from the delivery loop so a slow SMTP server or a large recovery never holds up a send.
 */
export function startBackgroundJobs({ db, smtpUrl, mailFrom, pollMs = 1_000, log = () => {} }: BackgroundOptions) {
  const mailer = smtpUrl ? createMailer(smtpUrl) : null;
  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  let lastDigest = 0;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
    });

  const loop = (async () => {
    while (running) {
      try {
        // Up to 10 recovery batches a tick, yielding between them (PGlite shares the event loop with the server).
        for (let i = 0; i < 10 && running && (await runRecoveryBatch(db)); i++) await yieldToLoop();
        if (mailer) await drainMailOutbox(db, mailer, mailFrom);
        if (Date.now() - lastDigest > 60_000) {
          lastDigest = Date.now();
          await flushDivertedDigests(db);
        }
      } catch (err) {
        log(`background jobs: ${err instanceof Error ? String(err) : JSON.stringify(err)}`);
      }
      if (running) await sleep(pollMs);
    }
  })();

  return {
    wake: () => wakeUp?.(),
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
      mailer?.close();
    },
  };
}
export type BackgroundJobs = ReturnType<typeof startBackgroundJobs>;
