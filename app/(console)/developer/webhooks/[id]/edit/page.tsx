import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { loadWebhook } from "../../load-webhook";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { getSettings } from "@/lib/server/settings/get-settings";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";

export const metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor("webhooks.write");
  const [{ webhook }, eventTypes, settings] = await Promise.all([loadWebhook({ actor, id }), listEventTypes({ actor }), getSettings({ actor })]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/developer/webhooks/${id}`} className="inline-flex max-w-full items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4 shrink-0" /> <span className="truncate">{webhook.name}</span>
          </Link>
        }
        title="Edit webhook"
        description={`You are editing version ${webhook.version}. Credentials stay as they are unless you type new ones.`}
      />
      {/* Not keyed by version: a save re-renders this page at the new version, and remounting the form would drop
          the dialog that shows a generated key, once. A conflict's "Reload" is a full reload. */}
      <WebhookForm
        webhook={webhook}
        eventTypes={eventTypes.map(({ name, description, deprecated }) => ({ name, description, deprecated }))}
        allowHttp={env().ALLOW_HTTP_TARGETS}
        needsApproval={settings.approvals.update}
      />
    </div>
  );
}
