"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ChevronDown, RotateCcw } from "lucide-react";
import type { Delivery } from "@/lib/schemas/delivery";
import { redeliverAction } from "@/lib/actions/webhooks";
import { formatDateTime } from "@/lib/format/dates";
import { cn } from "@/lib/utils/cn";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { REASON_LABELS } from "@/components/diverted/diverted-reason-badge";
import { DeliveryStatusBadge } from "./delivery-labels";
import { AttemptTimeline } from "./attempt-timeline";

/** One delivery in the log: summary line, Redeliver, and its attempts on demand. */
export type RedeliverRights = { test: boolean; production: boolean };

export function DeliveryRow({ org, delivery: d, canRedeliver }: { org: string; delivery: Delivery; canRedeliver: RedeliverRights }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const panelId = `attempts-${d.id}`;

  const redeliver = () =>
    startTransition(async () => {
      const result = await redeliverAction({ id: d.id });
      if (!result.ok) return toast(result.error, "error");
      toast(`Redelivery of ${d.eventType} queued.`);
      await queryClient.invalidateQueries({ queryKey: ["deliveries", org, d.webhookId] });
      await queryClient.invalidateQueries({ queryKey: ["delivery", org, d.id] });
    });

  return (
    <li className="grid gap-3 p-3" data-delivery-id={d.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <DeliveryStatusBadge status={d.status} />
        {d.isTest && <Badge>Test</Badge>}
        <span className="font-mono text-sm font-medium [overflow-wrap:anywhere]">{d.eventType}</span>
        <span className="text-sm text-muted-foreground">{formatDateTime(d.createdAt)}</span>
        <span className="text-sm text-muted-foreground tabular-nums">
          {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
          {d.lastStatusCode !== null && <> · HTTP {d.lastStatusCode}</>}
          {d.nextAttemptAt && d.status === "failed" && <> · next {formatDateTime(d.nextAttemptAt)}</>}
          {d.divertedReason && <> · {REASON_LABELS[d.divertedReason]?.label ?? d.divertedReason}</>}
        </span>
        <span className="ml-auto flex gap-2">
          {(d.isTest ? canRedeliver.test : canRedeliver.production) && d.status !== "pending" && d.status !== "sending" && (
            <Button
              variant="outline"
              size="sm"
              onClick={redeliver}
              pending={pending}
              aria-label={`Redeliver ${d.eventType} from ${formatDateTime(d.createdAt)}`}
            >
              <RotateCcw aria-hidden="true" /> Redeliver
            </Button>
          )}
          <Button variant="ghost" size="sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
            Attempts <ChevronDown aria-hidden="true" className={cn("transition-transform", open && "rotate-180")} />
          </Button>
        </span>
      </div>
      <div className="font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]">
        event {d.eventId} · delivery {d.id}
      </div>
      {open && (
        <div id={panelId}>
          <AttemptTimeline org={org} deliveryId={d.id} />
        </div>
      )}
    </li>
  );
}
