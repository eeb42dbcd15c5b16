import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { deliveryListQuerySchema } from "@/lib/schemas/delivery";
import { webhookListQuerySchema } from "@/lib/schemas/webhooks";
import { buttonVariants } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { CursorPager } from "@/components/events/cursor-pager";
import { DivertedTable } from "@/components/diverted/diverted-table";
import { SelectFilter } from "@/components/ui/select-filter";
import { type SearchParams, firstParam } from "@/lib/utils/search-params";

export const metadata = { title: "Diverted events" };

const LIST = "/developer/diverted-events";

export default async function DivertedEventsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("deliveries.read");
  const raw = await searchParams;
  const parsed = deliveryListQuerySchema.safeParse({ webhookId: firstParam(raw.webhookId), cursor: firstParam(raw.cursor) });
  const query = parsed.success ? parsed.data : deliveryListQuerySchema.parse({});
  const [page, hooks] = await Promise.all([
    listDeliveries({ actor, query: { ...query, status: "diverted" } }),
    listWebhooks({ actor, query: webhookListQuerySchema.parse({ count: 100 }) }),
  ]);
  const webhooks = [...hooks.items].sort((a, b) => a.name.localeCompare(b.name));
  const webhook = webhooks.find((w) => w.id === query.webhookId) ?? null;
  const href = (cursor?: string) => `${LIST}?${new URLSearchParams({ ...(query.webhookId && { webhookId: query.webhookId }), ...(cursor && { cursor }) })}`;
  const filtered = Boolean(query.webhookId || query.cursor);

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Diverted events"
        description="Deliveries that were set aside instead of sent: their retries ran out, or their webhook was suspended or disabled. Nothing here is retried by itself."
      />
      {(page.items.length > 0 || filtered) && (
        <SelectFilter
          title="Filter diverted events"
          label="Webhook"
          name="webhookId"
          value={query.webhookId}
          anyLabel="All webhooks"
          options={webhooks.map((w) => ({ value: w.id, label: w.name }))}
          clearHref={LIST}
          className="sm:w-80"
        />
      )}
      {!parsed.success && <p className="text-sm text-destructive">Some filters were not valid and were ignored.</p>}
      {webhook && (webhook.status === "suspended" || webhook.status === "disabled") && (
        <Callout variant="warning" title={`${webhook.name} is ${webhook.status}`}>
          Deliveries redelivered now are diverted again until the webhook is {webhook.status === "suspended" ? "unsuspended" : "enabled"}.{" "}
          <Link href={`/developer/webhooks/${webhook.id}`} className="font-medium underline underline-offset-4">
            Open the webhook
          </Link>
        </Callout>
      )}
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title={query.cursor ? "No older diverted events" : `Nothing diverted for ${webhook?.name ?? "this webhook"}`}
            description="Every delivery of this webhook was sent or is still being retried."
            action={
              <Link href={LIST} className={buttonVariants({ variant: "outline" })}>
                Show all webhooks
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon={ShieldCheck}
            title="No diverted events"
            description="When a delivery fails all its retries, or an event arrives while its webhook is suspended or disabled, it is diverted here instead of being lost. You can then redeliver it once the endpoint is fixed, or delete it."
          />
        )
      ) : (
        <div>
          <DivertedTable items={page.items} canManage={can(actor, "diverted.manage")} webhook={webhook && { id: webhook.id, name: webhook.name }} />
          <CursorPager
            label="Diverted event pages"
            summary={`${page.items.length} diverted deliver${page.items.length === 1 ? "y" : "ies"}${query.cursor ? ", older page" : ""}`}
            firstHref={query.cursor ? href() : null}
            nextHref={page.nextCursor ? href(page.nextCursor) : null}
          />
        </div>
      )}
      <Toaster />
    </div>
  );
}
