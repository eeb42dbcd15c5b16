import Link from "next/link";
import { cn } from "@/lib/utils/cn";

export const WEBHOOK_TABS = [
  { id: "overview", label: "Overview" },
  { id: "deliveries", label: "Deliveries" },
  { id: "test", label: "Test" },
  { id: "settings", label: "Settings" },
  { id: "history", label: "History" },
] as const;
export type WebhookTab = (typeof WEBHOOK_TABS)[number]["id"];

/** The webhook page's sections as links (`?tab=`), so every tab has a URL to share and the server renders only it. */
export function WebhookTabs({ webhookId, current, hidden = [] }: { webhookId: string; current: WebhookTab; hidden?: WebhookTab[] }) {
  return (
    <nav aria-label="Webhook sections" className="-mx-1 overflow-x-auto border-b px-1">
      <ul className="flex gap-1">
        {WEBHOOK_TABS.filter((t) => !hidden.includes(t.id)).map((t) => (
          <li key={t.id}>
            <Link
              href={`/developer/webhooks/${webhookId}?tab=${t.id}`}
              aria-current={t.id === current ? "page" : undefined}
              scroll={false}
              className={cn(
                "-mb-px inline-flex border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground hover:text-foreground",
                t.id === current && "border-primary text-foreground",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
