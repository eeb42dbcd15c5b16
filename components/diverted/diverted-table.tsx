"use client";

import { useState } from "react";
import Link from "next/link";
import type { Delivery } from "@/lib/schemas/delivery";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { UtcTime } from "@/components/events/utc-time";
import { eventHref } from "@/components/events/event-href";
import { DivertedReasonBadge } from "./diverted-reason-badge";
import { LastError } from "./last-error";
import { DivertedToolbar } from "./diverted-toolbar";

type Props = {
  items: Delivery[];
  /** Writers (diverted.manage) get checkboxes and the actions. */
  canManage: boolean;
  webhook: { id: string; name: string } | null;
};

/** Socotra's diverted events: select rows, then redeliver or delete them. */
export function DivertedTable({ items, canManage, webhook }: Props) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // Rows that left the list (redelivered elsewhere, deleted) drop out of the selection.
  const selected = items.filter((d) => picked.has(d.id)).map((d) => d.id);
  const all = selected.length > 0 && selected.length === items.length;
  const toggle = (id: string, on: boolean) => setPicked((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));

  return (
    <div className="grid grid-cols-1 gap-3">
      {canManage && <DivertedToolbar selected={selected} webhook={webhook} onDone={() => setPicked(new Set())} />}
      <Table label="Diverted events">
        <THead>
          <TR>
            {canManage && (
              <TH className="w-0">
                <Checkbox
                  aria-label="Select all on this page"
                  checked={all ? true : selected.length > 0 ? "indeterminate" : false}
                  onCheckedChange={(on) => setPicked(on === true ? new Set(items.map((d) => d.id)) : new Set())}
                />
              </TH>
            )}
            <TH>Webhook</TH>
            <TH className="hidden md:table-cell">Event</TH>
            <TH>Reason</TH>
            <TH className="hidden lg:table-cell">Diverted at (UTC)</TH>
            <TH className="hidden sm:table-cell text-right">Attempts</TH>
            <TH className="hidden sm:table-cell">Last error</TH>
          </TR>
        </THead>
        <TBody>
          {items.map((d) => (
            <TR key={d.id} data-state={picked.has(d.id) ? "selected" : undefined} className="data-[state=selected]:bg-accent/60">
              {canManage && (
                <TD>
                  <Checkbox
                    aria-label={`Select ${d.eventType} ${d.eventId} for ${d.webhookName}`}
                    checked={picked.has(d.id)}
                    onCheckedChange={(on) => toggle(d.id, on === true)}
                  />
                </TD>
              )}
              <TD className="max-w-[9rem] sm:max-w-[14rem]">
                <Link
                  href={`/developer/webhooks/${d.webhookId}`}
                  title={d.webhookName}
                  className="block truncate font-medium underline-offset-4 hover:underline"
                >
                  {d.webhookName}
                </Link>
                <Link
                  href={eventHref(d.eventId)}
                  title={d.eventId}
                  className="mt-0.5 block truncate text-xs text-muted-foreground underline-offset-4 hover:underline md:hidden"
                >
                  {d.eventType}
                </Link>
              </TD>
              <TD className="hidden max-w-[16rem] md:table-cell">
                <span className="block truncate" title={d.eventType}>
                  {d.eventType}
                </span>
                <Link
                  href={eventHref(d.eventId)}
                  title={d.eventId}
                  className="block truncate font-mono text-xs text-muted-foreground underline-offset-4 hover:underline"
                >
                  {d.eventId}
                </Link>
              </TD>
              <TD>
                <DivertedReasonBadge reason={d.divertedReason ?? "exhausted"} />
                <span className="mt-1 block text-xs whitespace-nowrap text-muted-foreground lg:hidden">
                  <UtcTime iso={d.divertedAt ?? d.updatedAt} />
                </span>
              </TD>
              <TD className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
                <UtcTime iso={d.divertedAt ?? d.updatedAt} />
              </TD>
              <TD className="hidden text-right tabular-nums sm:table-cell">{d.attempts}</TD>
              <TD className="hidden whitespace-nowrap sm:table-cell">
                <LastError statusCode={d.lastStatusCode} errorClass={d.lastErrorClass} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
