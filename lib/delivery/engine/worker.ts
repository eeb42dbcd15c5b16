import "server-only";
import crypto from "node:crypto";
import { setMaxListeners } from "node:events";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { createHttpClient } from "../http-client";
import { createTokenClient } from "../oauth";
import type { AllowedCidrs } from "../ssrf";
import { claimBatch, extendLeases, LEASE_MS, type ClaimedDelivery } from "./claim";
import { loadContext } from "./context";
import { backoffMs, outageLog, retrying } from "./outage";
import { queueOrder } from "./queue-order";
import { recordOutcomes, releaseDeliveries } from "./record";
import { sendOne, type Outcome } from "./send";
import { envelope } from "./request";
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
  /** How long a claim is held before another worker may take it over (default LEASE_MS); renewed while held. */
  leaseMs?: number;
  /** Extra wake-up source (PostgreSQL LISTEN in separate worker processes). */
  subscribe?: (wake: () => void) => () => void;
  /** Called on every lease renewal tick (about every leaseMs / 3, at most 5 s) with the worker's figures (heartbeats). */
  onTick?: (stats: WorkerStats) => Promise<void>;
  log?: (msg: string) => void;
};

export type WorkerStats = {
  workerId: string;
  inFlight: number;
  delivered: number;
  /** How far ahead the latest claim reserved its slots (see observeLateness). */ leadMs: number;
};

/**
 * The delivery loop. Claims due deliveries in batches, sends each as its own promise (a slow receiver never
 * holds up the others), and writes results back in batches. One loop per process; any number of processes.
 *
 * Faults: when the database goes away, claims back off (≤ 2 s, so delivery resumes within seconds of its return),
 * finished results are kept and written once it is back, and the outage is logged once — nothing is dropped.
 * Leases are renewed while held, so a slow send never lets a second worker send the same delivery.
 */
export function startWorker({
  db,
  allowedCidrs,
  batchSize = 250,
  maxInFlight = 1000,
  pollMs = 500,
  timeoutMs,
  flushDelayMs = 20,
  leaseMs = LEASE_MS,
  subscribe,
  onTick,
  log = () => {},
}: WorkerOptions) {
  const workerId = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const http = createHttpClient({ allowedCidrs, ...(timeoutMs ? { timeoutMs } : {}) });
  const tokens = createTokenClient({ httpClient: http });
  const outage = outageLog(log);
  const stopping = new AbortController();
  setMaxListeners(0, stopping.signal); // every send waiting for its slot listens to it
  let running = true;
  /** Claimed and not yet finished: what a shutdown must give back if its sends outlive the deadline. */
  const inFlightIds = new Set<string>();
  let delivered = 0;
  let wakeUp: (() => void) | null = null;
  /**
   * A wake-up that came while the loop was not sleeping (a NOTIFY during a claim whose snapshot was taken before the
   * publish committed): the next sleep returns at once instead of losing it and waiting out the poll interval.
   */
  let wokenWhileBusy = false;
  const wake = () => (wakeUp ? wakeUp() : (wokenWhileBusy = true));
  const unsubscribe = [onWake(wake), subscribe?.(wake) ?? (() => {})];
  const finished: Outcome[] = [];
  const missed: string[] = [];
  const order = queueOrder();
  /**
   * How far ahead to reserve send slots. Zero while this worker meets its slots; after a missed slot (a busy event
   * loop: PGlite queries, a loaded host) it grows to the lateness seen, so the next slots can be met instead of
   * being missed and released again and again; it decays back while sends leave on time, and halves every second
   * without a missed slot — so a worker that was late under a burst sends at once again when the load is gone
   * (decaying only per send, a 2 s lead took ~50 idle sends to fade, and each of them waited for it).
   */
  let leadMs = 0;
  let lastMissAt = 0;
  const currentLead = () => {
    const lead = leadMs * 0.5 ** ((Date.now() - lastMissAt) / 1000);
    return lead < 1 ? 0 : lead;
  };
  const observeLateness = (lateMs: number, missedSlot: boolean) => {
    leadMs = missedSlot ? Math.min(MAX_LEAD_MS, Math.max(currentLead() * 2, lateMs + 10)) : leadMs * 0.9;
    if (missedSlot) lastMissAt = Date.now();
  };
  /** The lead the latest claim reserved its slots with (stats, heartbeats). */
  let claimLeadMs = 0;
  let flushing: Promise<void> | null = null;
  let waitingForRoom = false;

  const sleep = (ms: number, { early = true } = {}) => {
    if (wokenWhileBusy && early) {
      wokenWhileBusy = false;
      return Promise.resolve();
    }
    wokenWhileBusy = false;
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  };

  /** Results are written in batches: at once when a batch is full, otherwise after a short pause that lets more finish. */
  let flushTimer: NodeJS.Timeout | null = null;
  function scheduleFlush() {
    if (finished.length + missed.length >= batchSize) return void flush();
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      void flush();
    }, flushDelayMs);
  }

  /**
   * Writes results, retrying while the database is unreachable (they stay ours: the lease outlasts a restart, and a
   * result written late still beats sending again). Another kind of error is not retried forever: the lease runs out
   * and the delivery is sent again.
   */
  function flush(): Promise<void> {
    if (flushing || (finished.length === 0 && missed.length === 0)) return flushing ?? Promise.resolve();
    const batch = finished.splice(0, finished.length);
    const released = missed.splice(0, missed.length);
    let otherFailures = 0;
    const giveUp = (what: string, n: number) => (err?: unknown) => {
      if (err !== undefined && !isDatabaseUnavailable(err) && ++otherFailures >= 3) {
        log(`${what}: giving up on ${n} deliveries; they are sent again after their lease`);
        return true;
      }
      return false;
    };
    flushing = retryWithErrors(() => recordOutcomes(db, workerId, batch), "recording results", giveUp("recording results", batch.length))
      .then(() => {
        delivered += batch.filter((o) => o.result.ok).length;
        batch.forEach((o) => inFlightIds.delete(o.delivery.id));
        if (waitingForRoom && inFlightIds.size < maxInFlight) wake(); // room again: claim now, not at the next poll
      })
      .then(() => retryWithErrors(() => releaseDeliveries(db, workerId, released), "releasing claims", giveUp("releasing claims", released.length)))
      .then(() => {
        released.forEach((id) => inFlightIds.delete(id));
        order.released(released);
        if (released.length) wake(); // due again now, with new slots
      })
      .finally(() => {
        order.released(released); // also when giving up: those come back after their lease, the rest may go on
        flushing = null;
        if (finished.length || missed.length) scheduleFlush();
      });
    return flushing;
  }

  async function retryWithErrors(fn: () => Promise<void>, what: string, giveUp: (err?: unknown) => boolean) {
    let last: unknown;
    await retrying(
      () =>
        fn().catch((err) => {
          last = err;
          throw err;
        }),
      { what, outage, giveUp: () => giveUp(last) },
    );
  }

  async function dispatch(claimed: ClaimedDelivery[], claimedAt: number) {
    const { hooks, events } = await loadContext(db, claimed).catch((err) => {
      // Claimed but the context could not be read (the database went away between the two): give them back.
      missed.push(...claimed.map((c) => c.id));
      scheduleFlush();
      throw err;
    });
    // An event fanned out to many webhooks is serialized once per payload mode, not once per delivery.
    const bodies = new Map<string, string>();
    for (const delivery of claimed) {
      const webhook = hooks.get(delivery.webhookId);
      const event = events.get(`${delivery.orgId}/${delivery.eventId}`);
      if (!webhook || !event) {
        inFlightIds.delete(delivery.id); // deleted meanwhile: its deliveries went with it
        continue;
      }
      const bodyKey = `${delivery.orgId}/${delivery.eventId}/${webhook.payloadMode}`;
      let body = bodies.get(bodyKey);
      if (body === undefined) bodies.set(bodyKey, (body = JSON.stringify(envelope(event, webhook.payloadMode))));
      const ticket = order.ticket(delivery.webhookId, claimedAt);
      if (!ticket) {
        // An older delivery of this webhook is on its way back to the queue: going now would overtake it.
        order.givenBack(delivery.id, delivery.webhookId, { missedSlot: false });
        missed.push(delivery.id);
        scheduleFlush();
        continue;
      }
      void sendOne({ delivery, webhook, event, body, http, tokens, stopping: stopping.signal, holdBack: ticket })
        .then((o) => {
          if ("missedSlot" in o) {
            const late = !stopping.signal.aborted && !o.outOfOrder;
            if (late) observeLateness(Date.now() - o.delivery.sendAt, true);
            order.givenBack(delivery.id, delivery.webhookId, { missedSlot: late });
            missed.push(o.delivery.id);
          } else {
            observeLateness(o.startedAt.getTime() - o.delivery.sendAt, false);
            finished.push(o);
          }
        })
        .catch((err) => {
          log(`send failed unexpectedly: ${err}`);
          missed.push(delivery.id); // nothing recorded: give it back rather than hold it until the lease ends
        })
        .finally(() => {
          scheduleFlush();
          // Only a loop that waits for room needs waking; one that found nothing due sleeps until woken or polled
          // (waking it after every send made an idle-ish worker claim once per finished send).
          if (waitingForRoom && sending() < maxInFlight / 2) wake();
        });
    }
  }
  const sending = () => inFlightIds.size - finished.length - missed.length;

  /** The latest batch's dispatch: the next one starts after it. */
  let dispatching: Promise<void> = Promise.resolve();
  const loop = (async () => {
    let failures = 0;
    while (running) {
      try {
        if (inFlightIds.size >= maxInFlight) {
          waitingForRoom = true;
          await sleep(pollMs);
          waitingForRoom = false;
          continue;
        }
        const claimedAt = order.now();
        claimLeadMs = Math.round(currentLead());
        const claimed = await claimBatch(db, { workerId, limit: Math.min(batchSize, maxInFlight - inFlightIds.size), leaseMs, leadMs: claimLeadMs });
        failures = 0;
        outage.ok();
        if (!running) {
          missed.push(...claimed.map((c) => c.id)); // stop() came while claiming: give these back at once
          claimed.forEach((c) => inFlightIds.add(c.id));
          break;
        }
        if (claimed.length) {
          // The next claim runs while this batch's context loads: the loop no longer waits for two round trips a
          // batch (on PGlite's one thread, the claim, the context and the result writes then queue back to back).
          // Batches are dispatched in claim order, so a webhook's sends still leave in queue order.
          claimed.forEach((c) => inFlightIds.add(c.id));
          dispatching = dispatching.then(() => dispatch(claimed, claimedAt)).catch((err) => outage.failed("loading what to send", err));
        }
        await yieldToLoop(); // PGlite can starve the event loop; let sockets and timers run
        // A full batch means more is waiting: claim again at once. Otherwise sleep until woken or polled.
        if (claimed.length < batchSize) await sleep(claimed.length ? Math.min(50, pollMs) : pollMs);
      } catch (err) {
        outage.failed("claiming", err);
        await sleep(backoffMs(failures++), { early: false }); // a wake-up does not cut an outage's back-off short
      }
    }
  })();

  /** Renews this worker's leases (and heartbeats) while it runs; skipped quietly while the database is away. */
  const tickMs = Math.min(5_000, Math.max(200, Math.floor(leaseMs / 3)));
  let ticking = false;
  const ticker = setInterval(() => {
    if (ticking) return;
    ticking = true;
    void (async () => {
      if (inFlightIds.size) await extendLeases(db, { workerId, leaseMs });
      await onTick?.({ workerId, inFlight: sending(), delivered, leadMs: claimLeadMs });
    })()
      .catch((err) => outage.failed("renewing leases", err))
      .finally(() => (ticking = false));
  }, tickMs);
  ticker.unref();

  return {
    workerId,
    wake,
    stats: (): WorkerStats => ({ workerId, inFlight: sending(), delivered, leadMs: claimLeadMs }),
    /**
     * Stops claiming, gives back at once what is still waiting for its send slot, lets sends already on the wire
     * finish within `deadlineMs`, writes their results, and gives back whatever outlived the deadline.
     */
    async stop({ deadlineMs = 10_000 }: { deadlineMs?: number } = {}) {
      const until = Date.now() + deadlineMs;
      running = false;
      stopping.abort();
      order.wakeAll();
      wake();
      await loop;
      await dispatching;
      while (sending() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      const outlived = [...inFlightIds].filter((id) => !finished.some((o) => o.delivery.id === id) && !missed.includes(id));
      if (outlived.length) {
        log(`${outlived.length} sends outlived the ${deadlineMs} ms shutdown deadline; giving them back`);
        missed.push(...outlived);
      }
      // Bounded too: a database that stays away must not keep the process from exiting (the leases then expire).
      const flushed = (async () => {
        while (finished.length || missed.length || flushing) await flush();
      })();
      await Promise.race([flushed, new Promise((r) => setTimeout(r, Math.max(2_000, until - Date.now())).unref())]);
      if (flushTimer) clearTimeout(flushTimer);
      clearInterval(ticker);
      unsubscribe.forEach((u) => u());
      await http.close();
    },
  };
}
export type Worker = ReturnType<typeof startWorker>;
