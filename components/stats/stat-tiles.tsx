import type { ReactNode } from "react";
import type { DeliveryStats } from "@/lib/schemas/stats";
import { formatDuration, formatMs, formatRate } from "@/lib/format/chart-time";

function Tile({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="grid gap-1 rounded-lg border bg-card p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}

/** The headline figures of a range: success rate, attempts, latency, backlog. */
export function StatTiles({ stats }: { stats: DeliveryStats }) {
  const t = stats.totals;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Tile label="Success rate" value={formatRate(t.successRate)} hint={`${t.attempts.toLocaleString("en-US")} attempts`} />
      <Tile
        label="Failed / diverted"
        value={`${t.failed.toLocaleString("en-US")} / ${t.diverted.toLocaleString("en-US")}`}
        hint="failed attempts are retried"
      />
      <Tile label="Latency p50 / p95" value={`${formatMs(t.p50)} / ${formatMs(t.p95)}`} hint="from latency buckets" />
      <Tile
        label="Backlog"
        value={stats.backlog.queued.toLocaleString("en-US")}
        hint={stats.backlog.oldestDueSeconds === null ? "nothing overdue" : `oldest due ${formatDuration(stats.backlog.oldestDueSeconds)} ago`}
      />
    </dl>
  );
}
