import { headers } from "next/headers";
import Link from "next/link";
import { Radio } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { listEvents } from "@/lib/server/events/list-events";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { eventListQuerySchema } from "@/lib/schemas/delivery";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { EventsTable } from "@/components/events/events-table";
import { SelectFilter } from "@/components/ui/select-filter";
import { CursorPager } from "@/components/events/cursor-pager";
import { PublishHint } from "@/components/events/publish-hint";
import { type SearchParams, firstParam } from "@/lib/utils/search-params";

export const metadata = { title: "Events" };

const LIST = "/developer/events";

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("events.read");
  const raw = await searchParams;
  const parsed = eventListQuerySchema.safeParse({ type: firstParam(raw.type), cursor: firstParam(raw.cursor) });
  const query = parsed.success ? parsed.data : eventListQuerySchema.parse({});
  const [page, eventTypes] = await Promise.all([listEvents({ actor, query }), listEventTypes({ actor })]);
  const href = (cursor?: string) => `${LIST}?${new URLSearchParams({ ...(query.type && { type: query.type }), ...(cursor && { cursor }) })}`;
  const isEmpty = page.items.length === 0 && !query.cursor;

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Events"
        description="What this organization published, newest first, and how each event's deliveries to your webhooks are doing."
      />
      {(!isEmpty || query.type) && (
        <SelectFilter
          title="Filter events"
          label="Event type"
          name="type"
          value={query.type}
          anyLabel="Any event type"
          options={eventTypes.map((t) => ({ value: t.name, label: t.name }))}
          clearHref={LIST}
        />
      )}
      {!parsed.success && <p className="text-sm text-destructive">Some filters were not valid and were ignored.</p>}
      {page.items.length === 0 ? (
        query.type || query.cursor ? (
          <EmptyState
            title={query.cursor ? "No older events" : `No ${query.type} events yet`}
            description="Try another event type, or go back to the newest events."
            action={
              <Link href={LIST} className={buttonVariants({ variant: "outline" })}>
                Show all events
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon={Radio}
            title="No events published yet"
            description="Events appear here as soon as your systems publish them, with how each delivery went."
            action={
              <PublishHint
                origin={await requestOrigin()}
                org={actor.orgSlug}
                eventType={eventTypes.find((t) => t.name === "order.created")?.name ?? eventTypes[0]?.name ?? "order.created"}
              />
            }
          />
        )
      ) : (
        <div>
          <EventsTable events={page.items} />
          <CursorPager
            label="Event pages"
            summary={`${page.items.length} event${page.items.length === 1 ? "" : "s"}${query.cursor ? ", older page" : ""}`}
            firstHref={query.cursor ? href() : null}
            nextHref={page.nextCursor ? href(page.nextCursor) : null}
          />
        </div>
      )}
    </div>
  );
}

/** This server's own address, so the curl example works when pasted. */
async function requestOrigin() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}
