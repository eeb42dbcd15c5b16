import { requireActor } from "@/lib/auth/current";
import { getSettings } from "@/lib/server/settings/get-settings";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { ApprovalSettingsForm } from "@/components/approvals/approval-settings-form";
import { LimitsSettingsForm } from "@/components/settings/limits-settings-form";
import { updateSettingsAction } from "@/lib/actions/settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requireActor("settings.write");
  const settings = await getSettings({ actor });
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Settings"
        description="Organization-wide rules for changes to webhooks, publishing and retention. Changes apply from now on."
      />
      <ApprovalSettingsForm settings={settings} />
      <LimitsSettingsForm settings={settings} save={updateSettingsAction} />
      <Toaster />
    </div>
  );
}
