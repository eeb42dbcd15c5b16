"use client";

import { useId, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { History, RefreshCw } from "lucide-react";
import type { Delivery } from "@/lib/schemas/delivery";
import { browserApi } from "@/lib/api-client/browser";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { DELIVERY_STATUS_LABELS, inFlight } from "./delivery-labels";
import { DeliveryRow, type RedeliverRights } from "./delivery-row";

type Props = { org: string; webhookId: string; eventTypes: string[]; canRedeliver: RedeliverRights };
type Status = Delivery["status"] | "";

/** The webhook's deliveries, newest first: live (polled) while anything is in flight, quiet otherwise. */
export function DeliveryLog({ org, webhookId, eventTypes, canRedeliver }: Props) {
  const [status, setStatus] = useState<Status>("");
  const [eventType, setEventType] = useState("");
  const id = useId();
  const query = useInfiniteQuery({
    queryKey: ["deliveries", org, webhookId, status, eventType],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      browserApi(org).deliveries.list(webhookId, { status: status || undefined, eventType: eventType || undefined, cursor: pageParam, count: 20 }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => inFlight(d.status))) ? 1500 : false),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = status !== "" || eventType !== "";

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader className="flex-wrap items-start justify-between gap-3 sm:flex-row">
        <div className="grid gap-1">
          <CardTitle id={`${id}-title`}>Delivery log</CardTitle>
          <CardDescription>
            Every event sent to this webhook, newest first, with each attempt. The log updates by itself while deliveries are in flight.
          </CardDescription>
        </div>
        <Button variant="outline" size="sm" onClick={() => query.refetch()} pending={query.isRefetching && !query.isFetchingNextPage}>
          <RefreshCw aria-hidden="true" /> Refresh
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:max-w-xl">
          <Field id={`${id}-status`} label="Status">
            <Select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
              <option value="">All statuses</option>
              {Object.entries(DELIVERY_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-type`} label="Event type">
            <Select value={eventType} onChange={(e) => setEventType(e.target.value)}>
              <option value="">All event types</option>
              {eventTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {query.isError && (
          <Callout variant="error" role="alert" title="The delivery log could not be loaded">
            {query.error.message}
          </Callout>
        )}
        {query.isPending ? (
          <div className="grid gap-2" role="status" aria-label="Loading deliveries">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-14" />
            ))}
          </div>
        ) : items.length === 0 ? (
          <EmptyState
            icon={History}
            headingLevel={3}
            title={filtered ? "No deliveries match these filters" : "No deliveries yet"}
            description={
              filtered
                ? "Try another status or event type."
                : "Events this webhook subscribes to appear here as they are sent. Send a test event to try the endpoint now."
            }
          />
        ) : (
          <ul className="grid divide-y rounded-lg border">
            {items.map((d) => (
              <DeliveryRow key={d.id} org={org} delivery={d} canRedeliver={canRedeliver} />
            ))}
          </ul>
        )}
        {query.hasNextPage && (
          <Button variant="outline" className="justify-self-center" onClick={() => query.fetchNextPage()} pending={query.isFetchingNextPage}>
            Load older deliveries
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
