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
import { type SearchParams } from "@/lib/utils/search-params";
import { PauseButton } from "@/components/alerts/pause-button";
import { PausedNotice } from "@/components/alerts/paused-notice";
import { RecoverDialog } from "@/components/alerts/recover-dialog";

export async function generateMetadata() {
  return { title: "Webhook" };
}


export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, { test }] = await Promise.all([params, searchParams]);
  const actor = await requireActor("webhooks.read");
  const [{ webhook, versions }, settings] = await Promise.all([loadWebhook({ actor, id, withVersions: true }), getSettings({ actor })]);
  const canWrite = can(actor, "webhooks.write");
  const canTest = can(actor, "webhooks.test") && webhook.status !== "pending";
  const suspended = webhook.status === "suspended";
  const [catalog, divertedSince] = await Promise.all([
    canTest ? listEventTypes({ actor }) : [],
    suspended && canWrite ? countDiverted(actor, { webhookId: webhook.id, since: webhook.suspendedAt ? new Date(webhook.suspendedAt) : null }) : 0,
  ]);
  const subscribed = new Set(webhook.eventTypes);
  const testTypes = [...catalog]
    .filter((t) => !t.deprecated || subscribed.has(t.name))
    .sort((a, b) => Number(subscribed.has(b.name)) - Number(subscribed.has(a.name)))
    .map((t) => ({ name: t.name, examplePayload: t.examplePayload, subscribed: subscribed.has(t.name) }));

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        eyebrow={<Link href="/developer/webhooks" className="inline-flex items-center gap-1 hover:text-foreground"><ArrowLeft aria-hidden="true" className="size-4" /> Webhooks</Link>}
        title={webhook.name}
        meta={<WebhookStatusBadges status={webhook.status} pendingChange={webhook.pendingChangeRequestId} />}
        description={<span className="font-mono break-all">{webhook.url}</span>}
        actions={
          canWrite && (
            <>
              {suspended && <UnsuspendButton id={webhook.id} name={webhook.name} divertedSince={divertedSince} />}
              {webhook.status !== "pending" && <PauseButton id={webhook.id} paused={webhook.paused} />}
              {webhook.status !== "pending" && can(actor, "diverted.manage") && <RecoverDialog webhookId={webhook.id} name={webhook.name} eventTypes={webhook.eventTypes} />}
              <Link href={`/developer/webhooks/${webhook.id}/edit`} className={buttonVariants()}><Pencil aria-hidden="true" /> Edit</Link>
              <RotateSecretButton id={webhook.id} name={webhook.name} />
              <DeleteWebhookButton id={webhook.id} name={webhook.name} redirectTo="/developer/webhooks" size="md" needsApproval={settings.approvals.delete} />
            </>
          )
        }
      />
      <StatusNotice webhook={webhook} />
      <PausedNotice pausedAt={webhook.pausedAt} backlog={webhook.backlog} />

      <section aria-labelledby="settings-heading" className="grid grid-cols-1 gap-3">
        <h2 id="settings-heading" className="text-lg font-semibold">Settings <span className="text-sm font-normal text-muted-foreground">version {webhook.version}</span></h2>
        <WebhookSettings webhook={webhook} />
      </section>

      {canTest && <TestEventPanel org={actor.orgSlug} webhookId={webhook.id} eventTypes={testTypes} autoFocus={test === "1"} />}
      {webhook.status !== "pending" && (
        <DeliveryLog org={actor.orgSlug} webhookId={webhook.id} eventTypes={[...new Set([...webhook.eventTypes, ...testTypes.map((t) => t.name)])]} canRedeliver={can(actor, "deliveries.redeliver")} />
      )}

      <Card>
        <CardHeader>
          <CardTitle>Version history</CardTitle>
          <CardDescription>Every applied change is a new, immutable version; deliveries record the version they were sent with.</CardDescription>
        </CardHeader>
        <CardContent>
          <VersionHistory versions={versions} />
        </CardContent>
      </Card>
      <Toaster />
    </div>
  );
}
