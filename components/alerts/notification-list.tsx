"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { CheckCheck } from "lucide-react";
import { markNotificationsReadAction } from "@/lib/actions/alerts";
import type { NotificationView } from "@/lib/schemas/alerts";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/alert";
import { cn } from "@/lib/utils/cn";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** The notification centre's list: unread first in weight, each with its link, mark read one by one or all. */
export function NotificationList({ items }: { items: NotificationView[] }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const unread = items.filter((n) => !n.readAt).length;
  const mark = (input: { ids?: string[]; all?: boolean }) =>
    startTransition(async () => {
      setError(null);
      const result = await markNotificationsReadAction(input);
      if (!result.ok) setError(result.error);
    });

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {unread === 0 ? "All caught up." : `${unread} unread`}
        </p>
        <Button size="sm" variant="secondary" disabled={unread === 0 || pending} onClick={() => mark({ all: true })}>
          <CheckCheck aria-hidden="true" /> Mark all read
        </Button>
      </div>
      {error && (
        <Callout variant="error" role="alert">
          {error}
        </Callout>
      )}
      <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Notifications">
        {items.map((n) => (
          <li key={n.id} className={cn("flex flex-col gap-2 p-4 sm:flex-row sm:items-start", !n.readAt && "bg-muted/40")}>
            <div className="grid min-w-0 flex-1 gap-1">
              <div className="flex flex-wrap items-center gap-2">
                {!n.readAt && (
                  <Badge variant="info" dot>
                    Unread
                  </Badge>
                )}
                <span className="font-mono text-xs text-muted-foreground">{n.type}</span>
              </div>
              {n.link ? (
                <Link href={n.link} className={cn("[overflow-wrap:anywhere] underline-offset-4 hover:underline", !n.readAt && "font-semibold")}>
                  {n.title}
                </Link>
              ) : (
                <p className={cn("[overflow-wrap:anywhere]", !n.readAt && "font-semibold")}>{n.title}</p>
              )}
              <p className="whitespace-pre-line text-sm text-muted-foreground [overflow-wrap:anywhere]">{n.body}</p>
              <p className="text-xs text-muted-foreground">
                <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
              </p>
            </div>
            {!n.readAt && (
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => mark({ ids: [n.id] })} aria-label={`Mark read: ${n.title}`}>
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
