import Link from "next/link";
import { ArrowLeft, Pencil } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { loadWebhook } from "../load-webhook";
import { getSettings } from "@/lib/server/settings/get-settings";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { WebhookStatusBadges } from "@/components/webhooks/webhook-status-badge";
import { WebhookSettings } from "@/components/webhooks/webhook-settings";
import { StatusNotice } from "@/components/webhooks/status-notice";
import { VersionHistory } from "@/components/webhooks/version-history";
import { RotateSecretButton } from "@/components/webhooks/rotate-secret-button";
import { DeleteWebhookButton } from "@/components/webhooks/delete-webhook-button";
import { UnsuspendButton } from "@/components/webhooks/unsuspend-button";
import { TestEventPanel } from "@/components/deliveries/test-event-panel";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { countDiverted } from "@/lib/server/deliveries/count-diverted";
import { type SearchParams, firstParam } from "@/lib/utils/search-params";
import { getWebhookStats } from "@/lib/server/stats/get-webhook-stats";
import { statsRangeSchema } from "@/lib/schemas/stats";
import { WebhookTabs, WEBHOOK_TABS, type WebhookTab } from "@/components/webhooks/webhook-tabs";
import { RangePicker } from "@/components/stats/range-picker";
import { StatTiles } from "@/components/stats/stat-tiles";
import { DeliveryCharts } from "@/components/stats/delivery-charts";
import { EmptyState } from "@/components/ui/empty-state";
import { PauseButton } from "@/components/alerts/pause-button";
import { PausedNotice } from "@/components/alerts/paused-notice";
import { RecoverDialog } from "@/components/alerts/recover-dialog";

export function generateMetadata() {
  return { title: "Webhook" };
}

/** Which tab a URL asks for: `?tab=`, or the older `?test=1`; the Test tab falls back to Deliveries for those who cannot test. */
function pickTab(raw: { tab?: string | string[]; test?: string | string[] }, canTest: boolean): WebhookTab {
  const asked = firstParam(raw.tab) ?? (firstParam(raw.test) === "1" ? "test" : "overview");
  const tab = WEBHOOK_TABS.find((t) => t.id === asked)?.id ?? "overview";
  return tab === "test" && !canTest ? "deliveries" : tab;
}

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const actor = await requireActor("webhooks.read");
  const [{ webhook, versions }, settings] = await Promise.all([
    loadWebhook({ actor, id, withVersions: firstParam(raw.tab) === "history" }),
    getSettings({ actor }),
  ]);
  const canWrite = can(actor, "webhooks.write");
  const canTest = can(actor, "webhooks.test") && webhook.status !== "pending";
  const tab = pickTab(raw, canTest);
  const range = statsRangeSchema.parse(firstParam(raw.range));
  const suspended = webhook.status === "suspended";
  const [catalog, divertedSince, stats] = await Promise.all([
    tab === "test" ? listEventTypes({ actor }) : [],
    suspended && canWrite ? countDiverted(actor, { webhookId: webhook.id, since: webhook.suspendedAt ? new Date(webhook.suspendedAt) : null }) : 0,
    tab === "overview" && can(actor, "deliveries.read") ? getWebhookStats({ actor, webhookId: webhook.id, range }) : null,
  ]);
  const subscribed = new Set(webhook.eventTypes);
  const testTypes = [...catalog]
    .filter((t) => !t.deprecated || subscribed.has(t.name))
    .sort((a, b) => Number(subscribed.has(b.name)) - Number(subscribed.has(a.name)))
    .map((t) => ({ name: t.name, examplePayload: t.examplePayload, subscribed: subscribed.has(t.name) }));
  const deliveryLog =
    webhook.status === "pending" ? (
      <EmptyState title="No deliveries yet" description="This webhook receives events once an approver accepts the request." />
    ) : (
      <DeliveryLog
        org={actor.orgSlug}
        webhookId={webhook.id}
        eventTypes={[...new Set([...webhook.eventTypes, ...testTypes.map((t) => t.name)])]}
        canRedeliver={{ test: can(actor, "deliveries.redeliver-test"), production: can(actor, "deliveries.redeliver") }}
      />
    );

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        eyebrow={
          <Link href="/developer/webhooks" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Webhooks
          </Link>
        }
        title={webhook.name}
        meta={<WebhookStatusBadges status={webhook.status} pendingChange={webhook.pendingChangeRequestId} />}
        description={
          <>
            <span className="font-mono break-all">{webhook.url}</span> ·{" "}
            <Link href={`/developer/receiving-webhooks?webhook=${webhook.id}`}>How to receive these</Link>
          </>
        }
        actions={
          canWrite && (
            <>
              {suspended && <UnsuspendButton id={webhook.id} name={webhook.name} divertedSince={divertedSince} />}
              {webhook.status !== "pending" && <PauseButton id={webhook.id} paused={webhook.paused} />}
              {webhook.status !== "pending" && can(actor, "diverted.manage") && (
                <RecoverDialog webhookId={webhook.id} name={webhook.name} eventTypes={webhook.eventTypes} />
              )}
              <Link href={`/developer/webhooks/${webhook.id}/edit`} className={buttonVariants()}>
                <Pencil aria-hidden="true" /> Edit
              </Link>
              <RotateSecretButton id={webhook.id} name={webhook.name} />
              <DeleteWebhookButton id={webhook.id} name={webhook.name} redirectTo="/developer/webhooks" size="md" needsApproval={settings.approvals.delete} />
            </>
          )
        }
      />
      <StatusNotice webhook={webhook} />
      <PausedNotice pausedAt={webhook.pausedAt} backlog={webhook.backlog} />
      <WebhookTabs webhookId={webhook.id} current={tab} hidden={canTest ? [] : ["test"]} />

      {tab === "overview" && (
        <section aria-label="Health" className="grid grid-cols-1 gap-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">Health</h2>
            <RangePicker value={range} href={(r) => `?tab=overview&range=${r}`} />
          </div>
          {stats ? (
            <>
              <StatTiles stats={stats} />
              <DeliveryCharts stats={stats} headingLevel={3} />
            </>
          ) : (
            <p className="text-sm text-muted-foreground">Your role cannot read deliveries.</p>
          )}
        </section>
      )}
      {tab === "deliveries" && deliveryLog}
      {tab === "test" && (
        <>
          <TestEventPanel
            org={actor.orgSlug}
            webhookId={webhook.id}
            eventTypes={testTypes}
            autoFocus={firstParam(raw.test) === "1" || firstParam(raw.tab) === "test"}
          />
          {deliveryLog}
        </>
      )}
      {tab === "settings" && (
        <section aria-labelledby="settings-heading" className="grid grid-cols-1 gap-3">
          <h2 id="settings-heading" className="text-lg font-semibold">
            Settings <span className="text-sm font-normal text-muted-foreground">version {webhook.version}</span>
          </h2>
          <WebhookSettings webhook={webhook} />
        </section>
      )}
      {tab === "history" && (
        <Card>
          <CardHeader>
            <CardTitle>Version history</CardTitle>
            <CardDescription>Every applied change is a new, immutable version; deliveries record the version they were sent with.</CardDescription>
          </CardHeader>
          <CardContent>
            <VersionHistory versions={versions} />
          </CardContent>
        </Card>
      )}
      <Toaster />
    </div>
  );
}
