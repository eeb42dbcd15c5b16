import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";

export type QueueStats = { due: number; sending: number; oldestDueAgeMs: number | null; deliveriesPerMinute: number };

/**
 * The whole system's delivery queue: deliveries due now (not yet claimed), deliveries being sent, how long the oldest
 * due one has waited, and successful deliveries per minute (the sum over workers that heartbeated recently).
 */
export async function queueStats(db: DbOrTx, now = Date.now()): Promise<QueueStats> {
  const nowIso = new Date(now).toISOString();
  const { rows } = await db.execute<{ due: number; sending: number; oldest: string | Date | null; dpm: number }>(sql`
    select
      (select count(*)::int from deliveries where status in ('pending', 'failed') and next_attempt_at <= ${nowIso}::timestamptz) as due,
      (select count(*)::int from deliveries where status = 'sending') as sending,
      (select min(next_attempt_at) from deliveries where status in ('pending', 'failed') and next_attempt_at <= ${nowIso}::timestamptz) as oldest,
      (select coalesce(sum(delivered_per_minute), 0)::int from worker_heartbeats where stopped_at is null and last_seen_at > ${new Date(now - 30_000).toISOString()}::timestamptz) as dpm`);
  const r = rows[0];
  return {
    due: Number(r.due),
    sending: Number(r.sending),
    oldestDueAgeMs: r.oldest ? Math.max(0, now - new Date(r.oldest).getTime()) : null,
    deliveriesPerMinute: Number(r.dpm),
  };
}
