import { BarChart3 } from "lucide-react";
import type { DeliveryStats } from "@/lib/schemas/stats";
import { STATS_RANGE_LABELS } from "@/lib/schemas/stats";
import { formatMs, formatRate } from "@/lib/format/chart-time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeSeriesChart, type ChartSeries } from "./time-series-chart";

const OUTCOMES: ChartSeries[] = [
  { key: "succeeded", label: "Succeeded", color: "var(--success)" },
  { key: "failed", label: "Failed, retrying", color: "var(--warning)" },
  { key: "diverted", label: "Diverted", color: "var(--destructive)" },
];
const LATENCY: ChartSeries[] = [
  { key: "p50", label: "p50", color: "var(--info)" },
  { key: "p95", label: "p95", color: "var(--primary)" },
];

/** Deliveries over time by outcome and latency over time, or a designed "no data in this range" state. */
export function DeliveryCharts({ stats, headingLevel = 2 }: { stats: DeliveryStats; headingLevel?: 2 | 3 }) {
  const t = stats.totals;
  const range = STATS_RANGE_LABELS[stats.range].toLowerCase();
  if (t.attempts === 0) {
    return (
      <EmptyState
        icon={BarChart3}
        headingLevel={headingLevel}
        title="No deliveries in this range"
        description={`Nothing was sent in the ${range}. Charts fill in as events are delivered; pick a longer range to see older activity.`}
      />
    );
  }
  const busiest = stats.points.reduce((a, p) => (p.succeeded + p.failed + p.diverted > a.succeeded + a.failed + a.diverted ? p : a));
  const heading = `h${headingLevel}` as const;
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle as={heading}>Deliveries by outcome</CardTitle>
        </CardHeader>
        <CardContent>
          <TimeSeriesChart
            title="Deliveries by outcome"
            kind="bar"
            points={stats.points}
            stepMs={stats.stepMs}
            series={OUTCOMES}
            summary={`${range[0].toUpperCase()}${range.slice(1)}: ${t.attempts.toLocaleString("en-US")} attempts, ${t.succeeded.toLocaleString("en-US")} succeeded (${formatRate(t.successRate)}), ${t.failed.toLocaleString("en-US")} failed and retrying, ${t.diverted.toLocaleString("en-US")} diverted. Busiest: ${(busiest.succeeded + busiest.failed + busiest.diverted).toLocaleString("en-US")} attempts.`}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as={heading}>Latency</CardTitle>
        </CardHeader>
        <CardContent>
          <TimeSeriesChart
            title="Latency"
            kind="line"
            points={stats.points}
            stepMs={stats.stepMs}
            series={LATENCY}
            summary={`Half of the attempts were answered within ${formatMs(t.p50)}, 95 % within ${formatMs(t.p95)}.`}
          />
        </CardContent>
      </Card>
    </div>
  );
}
