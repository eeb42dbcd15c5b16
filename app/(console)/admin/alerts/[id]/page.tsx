import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { getAlertEndpoint } from "@/lib/server/alerts/alert-endpoints";
import { OPERATIONAL_EVENT_TYPES } from "@/lib/schemas/alerts";
import { Card, CardContent } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { WebhookStatusBadges } from "@/components/webhooks/webhook-status-badge";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { AlertEndpointActions } from "@/components/alerts/alert-endpoint-actions";

export const metadata = { title: "Alert endpoint" };

export default async function AlertEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor("settings.write");
  const endpoint = await getAlertEndpoint({ actor, id });
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        eyebrow={
          <Link href="/admin/alerts" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Alerts
          </Link>
        }
        title={endpoint.name}
        meta={<WebhookStatusBadges status={endpoint.status} pendingChange={null} />}
        description={<span className="font-mono break-all">{endpoint.url}</span>}
        actions={<AlertEndpointActions id={endpoint.id} name={endpoint.name} />}
      />
      <Card>
        <CardContent className="pt-2">
          <DescriptionList>
            <DescriptionItem term="Receives">{endpoint.eventTypes.join(", ")}</DescriptionItem>
            <DescriptionItem term="Payload">Full (the alert&apos;s details in data)</DescriptionItem>
            <DescriptionItem term="Added">
              <time dateTime={endpoint.createdAt}>{endpoint.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
            </DescriptionItem>
          </DescriptionList>
        </CardContent>
      </Card>
      <DeliveryLog
        org={actor.orgSlug}
        webhookId={endpoint.id}
        eventTypes={[...OPERATIONAL_EVENT_TYPES]}
        canRedeliver={{ test: can(actor, "deliveries.redeliver-test"), production: can(actor, "deliveries.redeliver") }}
      />
      <Toaster />
    </div>
  );
}
