import Link from "next/link";
import type { z } from "zod";
import type { eventSummarySchema } from "@/lib/schemas/delivery";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DeliveryCounts } from "./delivery-counts";
import { UtcTime } from "./utc-time";
import { eventHref } from "./event-href";

export type EventSummary = z.infer<typeof eventSummarySchema>;

/** Newest first; on phones the type and time move under the id and only the counts stay beside it. */
export function EventsTable({ events }: { events: EventSummary[] }) {
  return (
    <Table label="Events">
      <THead>
        <TR>
          <TH>Event</TH>
          <TH className="hidden md:table-cell">Type</TH>
          <TH className="hidden sm:table-cell">Time (UTC)</TH>
          <TH>Deliveries</TH>
        </TR>
      </THead>
      <TBody>
        {events.map((e) => (
          <TR key={e.id}>
            <TD className="max-w-[12rem] sm:max-w-[16rem] lg:max-w-[20rem]">
              <div className="flex min-w-0 items-center gap-2">
                <Link
                  href={eventHref(e.id)}
                  title={e.id}
                  className="block truncate font-mono text-xs font-medium text-foreground underline-offset-4 hover:underline"
                >
                  {e.id}
                </Link>
                {e.isTest && <Badge variant="info">Test</Badge>}
              </div>
              <span className="mt-0.5 block truncate text-xs text-muted-foreground md:hidden">{e.type}</span>
              <span className="mt-0.5 block text-xs whitespace-nowrap text-muted-foreground sm:hidden">
                <UtcTime iso={e.time} /> UTC
              </span>
            </TD>
            <TD className="hidden max-w-[14rem] md:table-cell">
              <span className="block truncate" title={e.type}>
                {e.type}
              </span>
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
              <UtcTime iso={e.time} />
            </TD>
            <TD>
              <DeliveryCounts succeeded={e.succeeded} pending={e.pending} diverted={e.diverted} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
