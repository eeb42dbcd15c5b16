"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table as TableIcon, BarChart3 } from "lucide-react";
import type { StatsPoint } from "@/lib/schemas/stats";
import { formatMs, formatPointTime } from "@/lib/format/chart-time";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export type ChartSeries = { key: "succeeded" | "failed" | "diverted" | "p50" | "p95"; label: string; color: string };
type Props = { title: string; summary: string; points: StatsPoint[]; stepMs: number; series: ChartSeries[]; kind: "bar" | "line" };

/**
 * One chart with its text summary (read first by screen readers) and a table view of the same numbers. The drawing
 * itself is hidden from assistive technology: the summary and the table carry what it shows.
 */
export function TimeSeriesChart({ title, summary, points, stepMs, series, kind }: Props) {
  const [asTable, setAsTable] = useState(false);
  const value = (v: number | null) => (kind === "line" ? formatMs(v) : (v ?? 0).toLocaleString("en-US"));
  const data = points.map((p) => ({ ...p, label: formatPointTime(p.t, stepMs) }));
  return (
    <figure className="grid gap-3" aria-label={title}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption className="text-sm text-muted-foreground">{summary}</figcaption>
        <Button variant="outline" size="sm" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? <BarChart3 aria-hidden="true" /> : <TableIcon aria-hidden="true" />} {asTable ? "Show chart" : "Show table"}
          <span className="sr-only"> for {title}</span>
        </Button>
      </div>
      {asTable ? (
        <Table label={`${title}, table (times in UTC)`} wrapperClassName="max-h-80 overflow-y-auto">
          <THead>
            <TR>
              <TH>Time (UTC)</TH>
              {series.map((s) => (
                <TH key={s.key} className="text-right">
                  {s.label}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {data.map((p) => (
              <TR key={p.t}>
                <TD className="whitespace-nowrap">
                  <time dateTime={p.t}>{p.label}</time>
                </TD>
                {series.map((s) => (
                  <TD key={s.key} className="text-right tabular-nums">
                    {value(p[s.key])}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <div aria-hidden="true" className="h-56 w-full sm:h-64" data-testid="chart">
          <ResponsiveContainer width="100%" height="100%">
            {kind === "bar" ? (
              <BarChart data={data} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
                <CartesianGrid vertical={false} stroke="var(--border)" />
                <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={24} />
                <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} width={48} />
                <Tooltip cursor={{ fill: "var(--muted)" }} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
                {series.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={s.label} stackId="outcomes" fill={s.color} isAnimationActive={false} />
                ))}
              </BarChart>
            ) : (
              <LineChart data={data} accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
                <CartesianGrid vertical={false} stroke="var(--border)" />
                <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={24} />
                <YAxis tickLine={false} axisLine={false} fontSize={12} width={64} tickFormatter={(v: number) => formatMs(v)} />
                <Tooltip formatter={(v) => formatMs(Number(v))} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
                {series.map((s) => (
                  <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            )}
          </ResponsiveContainer>
        </div>
      )}
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
