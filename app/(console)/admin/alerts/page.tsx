import Link from "next/link";
import { BellRing } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { listAlertEndpoints } from "@/lib/server/alerts/alert-endpoints";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Toaster } from "@/components/ui/toast";
import { WebhookStatusBadges } from "@/components/webhooks/webhook-status-badge";
import { AlertEndpointForm } from "@/components/alerts/alert-endpoint-form";

export const metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const actor = await requireActor("settings.write");
  const endpoints = await listAlertEndpoints({ actor });
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Alerts"
        description="Operational webhooks: your own endpoints (a pager, a chat bridge) receive the console's alerts — failing, suspended and recovered webhooks, diverted deliveries, change requests — signed and retried like every delivery."
      />
      {endpoints.length === 0 ? (
        <EmptyState
          icon={BellRing}
          title="No alert endpoints yet"
          description="Add one below. People are told in the console and by e-mail either way; endpoints are for your own tools."
        />
      ) : (
        <Table label="Alert endpoints">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>URL</TH>
              <TH>Events</TH>
              <TH>Status</TH>
            </TR>
          </THead>
          <TBody>
            {endpoints.map((e) => (
              <TR key={e.id}>
                <TD>
                  <Link href={`/admin/alerts/${e.id}`} className="font-medium underline-offset-4 hover:underline">
                    {e.name}
                  </Link>
                </TD>
                <TD className="max-w-72 font-mono text-xs break-all">{e.url}</TD>
                <TD className="text-xs">{e.eventTypes.length} of 8</TD>
                <TD>
                  <WebhookStatusBadges status={e.status} pendingChange={null} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>Requests carry the Standard Webhooks headers; verify them with the signing secret shown once after adding.</CardDescription>
        </CardHeader>
        <CardContent>
          <AlertEndpointForm />
        </CardContent>
      </Card>
      <Toaster />
    </div>
  );
}
