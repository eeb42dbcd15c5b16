import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { getSettings } from "@/lib/server/settings/get-settings";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";

export const metadata = { title: "Create webhook" };

export default async function NewWebhookPage() {
  const actor = await requireActor("webhooks.write");
  const [eventTypes, settings] = await Promise.all([listEventTypes({ actor }), getSettings({ actor })]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/developer/webhooks" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Webhooks
          </Link>
        }
        title="Create webhook"
        description="Events are signed with a secret we generate; it is shown once, right after you create the webhook."
      />
      <WebhookForm
        eventTypes={eventTypes.map(({ name, description, deprecated }) => ({ name, description, deprecated }))}
        allowHttp={env().ALLOW_HTTP_TARGETS}
        needsApproval={settings.approvals.create}
      />
    </div>
  );
}
