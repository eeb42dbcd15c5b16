import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import { GONE_LISTED_MS } from "@/lib/server/workers/list-workers";
import { outageLog } from "./outage";

export const PRUNE_BATCH = 500;
const PRUNE_EVERY_MS = 60_000;
/** Per run and table, at most this many batches: a huge first prune spreads over several runs instead of one long one. */
const MAX_BATCHES_PER_RUN = 20;

type Counts = { deliveries: number; events: number; audit: number; workers: number };

/**
 * Retention: deletes, per organization, deliveries (their attempts cascade) and then events older than the org's
 * retention, and audit entries older than its audit retention — in batches of a few hundred rows, each its own short
 * statement that skips locked rows, so pruning never holds long locks or rewrites a table. Deliveries still pending
 * or being sent are kept whatever their age. Diverted ones go at retention like the rest.
 */
export async function pruneOnce(
  db: Db,
  { now = Date.now(), batch = PRUNE_BATCH, maxBatches = MAX_BATCHES_PER_RUN }: { now?: number; batch?: number; maxBatches?: number } = {},
): Promise<Counts> {
  const counts: Counts = { deliveries: 0, events: 0, audit: 0, workers: 0 };
  const orgs = await db.select({ id: organizations.id, days: organizations.retentionDays, auditDays: organizations.auditRetentionDays }).from(organizations);
  const repeat = async (statement: () => ReturnType<Db["execute"]>) => {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = (await statement()).rowCount ?? 0;
      total += n;
      if (n < batch) break;
    }
    return total;
  };
  for (const org of orgs) {
    const cutoff = new Date(now - org.days * 86_400_000).toISOString();
    counts.deliveries += await repeat(() =>
      db.execute(sql`
        delete from deliveries where id in (
          select id from deliveries
          where org_id = ${org.id} and created_at < ${cutoff}::timestamptz and status not in ('pending', 'sending')
          limit ${batch} for update skip locked)`),
    );
    counts.events += await repeat(() =>
      db.execute(sql`
        delete from events where (org_id, id) in (
          select e.org_id, e.id from events e
          where e.org_id = ${org.id} and e.time < ${cutoff}::timestamptz
            and not exists (select 1 from deliveries d where d.org_id = e.org_id and d.event_id = e.id)
          limit ${batch} for update skip locked)`),
    );
    const auditCutoff = new Date(now - org.auditDays * 86_400_000).toISOString();
    counts.audit += await repeat(() =>
      db.execute(sql`
        delete from audit_log where id in (
          select id from audit_log where org_id = ${org.id} and created_at < ${auditCutoff}::timestamptz
          limit ${batch} for update skip locked)`),
    );
  }
  const goneBefore = new Date(now - GONE_LISTED_MS).toISOString();
  counts.workers = (await db.execute(sql`delete from worker_heartbeats where last_seen_at < ${goneBefore}::timestamptz`)).rowCount ?? 0;
  return counts;
}

/** Prunes a first time shortly after start, then every minute; failures (a database outage) wait for the next run. */
export function startPruning(db: Db, { log, everyMs = PRUNE_EVERY_MS }: { log: (msg: string) => void; everyMs?: number }) {
  const outage = outageLog(log);
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= pruneOnce(db)
      .then((c) => {
        outage.ok();
        if (c.deliveries + c.events + c.audit > 0) log(`retention: pruned ${c.deliveries} deliveries, ${c.events} events, ${c.audit} audit entries`);
      })
      .catch((err) => outage.failed("pruning", err))
      .finally(() => (running = null));
  };
  const first = setTimeout(run, Math.min(10_000, everyMs));
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
