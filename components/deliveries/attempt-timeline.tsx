"use client";

import { formatDateTime } from "@/lib/format/dates";
import { Spinner } from "@/components/ui/spinner";
import { AttemptDetails } from "./attempt-details";
import { errorLabel } from "./delivery-labels";
import { useDelivery } from "./use-delivery";

/** A delivery's attempts, oldest first: time, status, duration, error; the latest one open. */
export function AttemptTimeline({ org, deliveryId }: { org: string; deliveryId: string }) {
  const { data, isPending, error } = useDelivery(org, deliveryId);
  if (isPending)
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner /> Loading attempts…
      </p>
    );
  if (error) return <p className="text-sm text-destructive">The attempts could not be loaded: {error.message}</p>;
  if (data.attempts_.length === 0) return <p className="text-sm text-muted-foreground">No attempt yet: the delivery is queued.</p>;
  const last = data.attempts_.length - 1;
  return (
    <ol className="grid gap-2 border-l-2 pl-4">
      {data.attempts_.map((a, i) => (
        <li key={a.id}>
          <details open={i === last} className="group rounded-md border bg-card">
            <summary className="flex cursor-pointer flex-wrap gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <span className="font-medium">Attempt {a.attemptNo}</span>
              <span className="text-muted-foreground">{formatDateTime(a.startedAt)}</span>
              <span className="tabular-nums">{a.responseStatus !== null ? `HTTP ${a.responseStatus}` : "no response"}</span>
              <span className="text-muted-foreground tabular-nums">{a.durationMs.toLocaleString("en-US")} ms</span>
              {a.errorClass && <span className="text-destructive">{errorLabel(a.errorClass)}</span>}
            </summary>
            <div className="border-t p-3">
              <AttemptDetails attempt={a} />
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
