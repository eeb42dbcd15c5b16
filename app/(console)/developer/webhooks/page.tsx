import Link from "next/link";
import { Plus, Webhook as WebhookIcon } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { getSettings } from "@/lib/server/settings/get-settings";
import { listSuccessRates, type SuccessRate } from "@/lib/server/stats/list-success-rates";
import { webhookListQuerySchema } from "@/lib/schemas/webhooks";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Toaster } from "@/components/ui/toast";
import { WebhookFilters } from "@/components/webhooks/webhook-filters";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { ActiveCount } from "@/components/webhooks/active-count";
import { type SearchParams, firstParam } from "@/lib/utils/search-params";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("webhooks.read");
  const raw = await searchParams;
  const filters = { name: firstParam(raw.name)?.trim(), status: firstParam(raw.status), eventType: firstParam(raw.eventTypes) };
  const parsed = webhookListQuerySchema.safeParse({
    offset: firstParam(raw.offset),
    name: filters.name,
    status: filters.status,
    eventTypes: filters.eventType,
  });
  const query = parsed.success ? parsed.data : webhookListQuerySchema.parse({});
  const [page, eventTypes, settings] = await Promise.all([listWebhooks({ actor, query }), listEventTypes({ actor }), getSettings({ actor })]);
  const successRates = can(actor, "deliveries.read")
    ? await listSuccessRates({ actor, webhookIds: page.items.map((w) => w.id) })
    : new Map<string, SuccessRate>();
  const canWrite = can(actor, "webhooks.write");
  const filtered = Boolean(filters.name || filters.status || filters.eventType);
  const href = (offset: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ name: filters.name, status: filters.status, eventTypes: filters.eventType })) if (v) params.set(k, v);
    if (offset) params.set("offset", String(offset));
    return `?${params}`;
  };
  const createButton = (
    <Link href="/developer/webhooks/new" className={buttonVariants()}>
      <Plus aria-hidden="true" /> Create Webhook
    </Link>
  );

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Webhooks"
        description="Endpoints in your systems that receive this organization's events, signed and retried until they answer."
        meta={<ActiveCount active={page.activeCount} limit={page.activeLimit} />}
        actions={canWrite && page.total > 0 ? createButton : undefined}
        className="mb-0"
      />
      {(page.total > 0 || filtered) && <WebhookFilters values={filters} eventTypes={eventTypes.map((t) => t.name)} />}
      {!parsed.success && <p className="text-sm text-destructive">Some filters were not valid and were ignored.</p>}
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No webhooks match these filters"
            description="Try another name, status or event type."
            action={
              <Link href="/developer/webhooks" className={buttonVariants({ variant: "outline" })}>
                Clear filters
              </Link>
            }
          />
        ) : (
          <EmptyState
            icon={WebhookIcon}
            title="No webhooks yet"
            description={
              canWrite
                ? "Create a webhook to have events such as order.created delivered to your endpoint: signed, rate-limited and retried for you."
                : "An admin of this organization can create one; you will see it here."
            }
            action={canWrite ? createButton : undefined}
          />
        )
      ) : (
        <div>
          <WebhooksTable
            webhooks={page.items}
            canTest={can(actor, "webhooks.test")}
            canDelete={canWrite}
            deleteNeedsApproval={settings.approvals.delete}
            successRates={Object.fromEntries(successRates)}
          />
          <Pagination offset={page.offset} count={page.count} total={page.total} href={href} noun="webhooks" />
        </div>
      )}
      <Toaster />
    </div>
  );
}
