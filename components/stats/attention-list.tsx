import Link from "next/link";
import type { WebhookAttention } from "@/lib/schemas/stats";
import { Badge } from "@/components/ui/badge";
import { WebhookStatusBadges } from "@/components/webhooks/webhook-status-badge";

/** Webhooks suspended, or half-way to suspension (the same rule as the webhook page's warning). */
export function AttentionList({ webhooks }: { webhooks: WebhookAttention[] }) {
  if (webhooks.length === 0) return <p className="text-sm text-muted-foreground">Every webhook is healthy: none suspended, none close to it.</p>;
  return (
    <ul className="grid gap-2">
      {webhooks.map((w) => (
        <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3">
          <div className="grid min-w-0 gap-0.5">
            <Link href={`/developer/webhooks/${w.id}?tab=overview`} className="truncate font-medium underline-offset-4 hover:underline">
              {w.name}
            </Link>
            <span className="text-xs text-muted-foreground">
              {w.status === "suspended"
                ? "Suspended: new events are diverted"
                : `${w.consecutiveFailures.toLocaleString("en-US")} consecutive failures; suspended at ${w.suspendAfterFailures.toLocaleString("en-US")}`}
            </span>
          </div>
          {w.status === "suspended" ? (
            <WebhookStatusBadges status="suspended" />
          ) : (
            <Badge variant="warning" dot>
              Failing
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
