import Link from "next/link";
import type { Delivery } from "@/lib/schemas/delivery";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-labels";
import { UtcTime } from "./utc-time";
import { DivertedReasonBadge } from "@/components/diverted/diverted-reason-badge";
import { LastError } from "@/components/diverted/last-error";

/** One row per webhook the event went to. */
export function EventDeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <Table label="Deliveries of this event">
      <THead>
        <TR>
          <TH>Webhook</TH>
          <TH>Status</TH>
          <TH className="hidden text-right sm:table-cell">Attempts</TH>
          <TH className="hidden sm:table-cell">Last response</TH>
          <TH className="hidden md:table-cell">Updated (UTC)</TH>
        </TR>
      </THead>
      <TBody>
        {deliveries.map((d) => (
          <TR key={d.id}>
            <TD className="max-w-[9rem] sm:max-w-[16rem]">
              <Link href={`/developer/webhooks/${d.webhookId}`} title={d.webhookName} className="block truncate font-medium underline-offset-4 hover:underline">
                {d.webhookName}
              </Link>
            </TD>
            <TD>
              <span className="inline-flex flex-wrap gap-1.5">
                <DeliveryStatusBadge status={d.status} />
                {d.divertedReason && <DivertedReasonBadge reason={d.divertedReason} />}
              </span>
              <span className="mt-1 block text-xs text-muted-foreground sm:hidden">
                {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                {d.lastStatusCode !== null || d.lastErrorClass ? (
                  <>
                    {" "}
                    · <LastError statusCode={d.lastStatusCode} errorClass={d.lastErrorClass} />
                  </>
                ) : null}
              </span>
            </TD>
            <TD className="hidden text-right tabular-nums sm:table-cell">{d.attempts}</TD>
            <TD className="hidden whitespace-nowrap sm:table-cell">
              <LastError statusCode={d.lastStatusCode} errorClass={d.lastErrorClass} />
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
              <UtcTime iso={d.updatedAt} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
