import "server-only";
import crypto from "node:crypto";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import { createHttpClient } from "../http-client";
import { createTokenClient } from "../oauth";
import type { AllowedCidrs } from "../ssrf";
import { claimBatch, type ClaimedDelivery } from "./claim";
import { loadContext } from "./context";
import { recordOutcomes, releaseDeliveries } from "./record";
import { sendOne, type Outcome } from "./send";
import { onWake } from "./wake";

const MAX_LEAD_MS = 2_000;

export type WorkerOptions = {
  db: Db;
  allowedCidrs: AllowedCidrs;
  batchSize?: number;
  maxInFlight?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** How long a finished send waits for others before its result is written (batching; default 20 ms). */
  flushDelayMs?: number;
  /** How long a claim is held before another worker may take it over (default LEASE_MS). */
  leaseMs?: number;
  /** Extra wake-up source (PostgreSQL LISTEN in separate worker processes). */
  subscribe?: (wake: () => void) => () => void;
  log?: (msg: string) => void;
};

/**
 * The delivery loop. Claims due deliveries in batches, sends each as its own promise (a slow receiver never
 * holds up the others), and writes results back in batches. One loop per process; any number of processes.
 */
export function startWorker({ db, allowedCidrs, batchSize = 100, maxInFlight = 1000, pollMs = 500, timeoutMs, flushDelayMs = 20, leaseMs, subscribe, log = () => {} }: WorkerOptions) {
  const workerId = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const http = createHttpClient({ allowedCidrs, ...(timeoutMs ? { timeoutMs } : {}) });
  const tokens = createTokenClient({ httpClient: http });
  let running = true;
  let inFlight = 0;
  let wakeUp: (() => void) | null = null;
  const wake = () => wakeUp?.();
  const unsubscribe = [onWake(wake), subscribe?.(wake) ?? (() => {})];
  const finished: Outcome[] = [];
  const missed: string[] = [];
  /**
   * How far ahead to reserve send slots. Zero while this worker meets its slots; after a missed slot (a busy event
   * loop: PGlite queries, a loaded host) it grows to the lateness seen, so the next slots can be met instead of
   * being missed and released again and again; it decays back while sends leave on time.
   */
  let leadMs = 0;
  const observeLateness = (lateMs: number, missedSlot: boolean) => {
    leadMs = missedSlot ? Math.min(MAX_LEAD_MS, Math.max(leadMs * 2, lateMs + 10)) : leadMs * 0.9;
    if (leadMs < 1) leadMs = 0;
  };
  let flushing: Promise<void> | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  /** Results are written in batches: at once when a batch is full, otherwise after a short pause that lets more finish. */
  let flushTimer: NodeJS.Timeout | null = null;
  function scheduleFlush() {
    if (finished.length + missed.length >= batchSize) return void flush();
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      void flush();
    }, flushDelayMs);
  }

  function flush(): Promise<void> {
    if (flushing || (finished.length === 0 && missed.length === 0)) return flushing ?? Promise.resolve();
    const batch = finished.splice(0, finished.length);
    const released = missed.splice(0, missed.length);
    flushing = recordOutcomes(db, workerId, batch)
      .catch((err) => log(`record failed, ${batch.length} deliveries will be retried after their lease: ${err}`))
      .then(() => releaseDeliveries(db, workerId, released))
      .then(() => {
        if (released.length) wake(); // due again now, with new slots
      })
      .catch((err) => log(`release failed, ${released.length} deliveries will be claimed after their lease: ${err}`))
      .finally(() => {
        flushing = null;
        if (finished.length || missed.length) scheduleFlush();
      });
    return flushing;
  }

  async function dispatch(claimed: ClaimedDelivery[]) {
    const { hooks, events } = await loadContext(db, claimed);
    for (const delivery of claimed) {
      const webhook = hooks.get(delivery.webhookId);
      const event = events.get(`${delivery.orgId}/${delivery.eventId}`);
      if (!webhook || !event) continue; // deleted meanwhile: its deliveries went with it
      inFlight++;
      void sendOne({ delivery, webhook, event, http, tokens })
        .then((o) => {
          if ("missedSlot" in o) {
            observeLateness(Date.now() - o.delivery.sendAt, true);
            missed.push(o.delivery.id);
          } else {
            observeLateness(o.startedAt.getTime() - o.delivery.sendAt, false);
            finished.push(o);
          }
        })
        .catch((err) => log(`send failed unexpectedly: ${err}`))
        .finally(() => {
          inFlight--;
          scheduleFlush();
          if (inFlight < maxInFlight / 2) wake();
        });
    }
  }

  const loop = (async () => {
    while (running) {
      try {
        if (inFlight >= maxInFlight) {
          await sleep(pollMs);
          continue;
        }
        const claimed = await claimBatch(db, { workerId, limit: Math.min(batchSize, maxInFlight - inFlight), leaseMs, leadMs: Math.round(leadMs) });
        if (claimed.length) await dispatch(claimed);
        await yieldToLoop(); // PGlite can starve the event loop; let sockets and timers run
        // A full batch means more is waiting: claim again at once. Otherwise sleep until woken or polled.
        if (claimed.length < batchSize) await sleep(claimed.length ? Math.min(50, pollMs) : pollMs);
      } catch (err) {
        log(`claim failed: ${err}`);
        await sleep(pollMs);
      }
    }
  })();

  return {
    workerId,
    wake,
    /** Stops claiming, lets in-flight sends finish, writes their results. */
    async stop() {
      running = false;
      wake();
      await loop;
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
      while (finished.length || missed.length || flushing) await flush();
      if (flushTimer) clearTimeout(flushTimer);
      unsubscribe.forEach((u) => u());
      await http.close();
    },
  };
}
export type Worker = ReturnType<typeof startWorker>;
