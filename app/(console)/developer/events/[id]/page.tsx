import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getEvent } from "@/lib/server/events/list-events";
import { listEventDeliveries } from "@/lib/server/events/list-event-deliveries";
import { formatDateTime } from "@/lib/format/dates";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EventDeliveriesTable } from "@/components/events/event-deliveries-table";

export const metadata = { title: "Event" };

/** An event for this page: a malformed, unknown or another org's id is the 404 page. */
async function loadEvent(actor: Awaited<ReturnType<typeof requireActor>>, rawId: string) {
  let id = rawId;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    notFound();
  }
  if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(id)) notFound();
  try {
    const event = await getEvent({ actor, id });
    const deliveries = can(actor, "deliveries.read") ? (await listEventDeliveries({ actor, id, query: { count: 100 } })).items : null;
    return { event, deliveries };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("events.read");
  const { event, deliveries } = await loadEvent(actor, (await params).id);

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        eyebrow={
          <Link href="/developer/events" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Events
          </Link>
        }
        title={event.type}
        meta={event.isTest ? <Badge variant="info">Test event</Badge> : undefined}
        description={<span className="font-mono break-all">{event.id}</span>}
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <DescriptionList>
              <DescriptionItem term="Event id" mono>
                {event.id}
              </DescriptionItem>
              <DescriptionItem term="Type">{event.type}</DescriptionItem>
              <DescriptionItem term="Source" mono>
                {event.source}
              </DescriptionItem>
              <DescriptionItem term="Time">
                <time dateTime={event.time}>{formatDateTime(event.time)}</time>
              </DescriptionItem>
              <DescriptionItem term="Test event">{event.isTest ? "Yes — sent with is_test: true" : "No"}</DescriptionItem>
            </DescriptionList>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Payload</CardTitle>
            <CardDescription>The event&apos;s data, as returned by GET /events/{"{id}"}.</CardDescription>
          </CardHeader>
          <CardContent>
            <CodeBlock value={event.data ?? {}} label="payload" caption="data" />
          </CardContent>
        </Card>
      </div>

      {deliveries && (
        <section aria-labelledby="deliveries-heading" className="grid grid-cols-1 gap-3">
          <h2 id="deliveries-heading" className="text-lg font-semibold">
            Deliveries
          </h2>
          {deliveries.length === 0 ? (
            <EmptyState
              headingLevel={3}
              title="No webhook was subscribed"
              description={`No active webhook listened for ${event.type} when this event was published, so nothing was sent.`}
            />
          ) : (
            <EventDeliveriesTable deliveries={deliveries} />
          )}
        </section>
      )}
    </div>
  );
}
