import { requireActor } from "@/lib/auth/current";
import { getDeliveryOverview } from "@/lib/server/stats/get-delivery-overview";
import { statsRangeSchema } from "@/lib/schemas/stats";
import { type SearchParams, firstParam } from "@/lib/utils/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RangePicker } from "@/components/stats/range-picker";
import { StatTiles } from "@/components/stats/stat-tiles";
import { DeliveryCharts } from "@/components/stats/delivery-charts";
import { TopFailingTable } from "@/components/stats/top-failing-table";
import { AttentionList } from "@/components/stats/attention-list";

export const metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("deliveries.read");
  const range = statsRangeSchema.parse(firstParam((await searchParams).range));
  const stats = await getDeliveryOverview({ actor, range });
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Overview"
        description="How this organization's webhooks are doing: every attempt by outcome, latency, and what is waiting to be sent. Times in UTC."
        actions={<RangePicker value={range} href={(r) => `?range=${r}`} />}
      />
      <StatTiles stats={stats} />
      <DeliveryCharts stats={stats} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Top failing webhooks</CardTitle>
            <CardDescription>Most failed or diverted attempts in this range.</CardDescription>
          </CardHeader>
          <CardContent>
            <TopFailingTable rows={stats.topFailing} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Needs attention</CardTitle>
            <CardDescription>Suspended webhooks, and those half-way to suspension.</CardDescription>
          </CardHeader>
          <CardContent>
            <AttentionList webhooks={stats.attention} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
