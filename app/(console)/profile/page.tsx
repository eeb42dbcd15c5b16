import { requireActor, getConsoleContext } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { getPreferences } from "@/lib/server/alerts/preferences";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { PreferencesForm } from "@/components/alerts/preferences-form";

export const metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requireActor("webhooks.read");
  const [ctx, prefs] = await Promise.all([getConsoleContext(), getPreferences({ actor })]);
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <PageHeader className="mb-0" title="Profile" description="Who you are in this organization, and which alerts reach you by e-mail." />
      <Card>
        <CardHeader>
          <CardTitle>You</CardTitle>
        </CardHeader>
        <CardContent>
          <DescriptionList>
            <DescriptionItem term="Name">{ctx.name}</DescriptionItem>
            <DescriptionItem term="E-mail" mono>
              {ctx.email}
            </DescriptionItem>
            <DescriptionItem term="Roles">{actor.roles.join(", ")}</DescriptionItem>
          </DescriptionList>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Alerts by e-mail</CardTitle>
          <CardDescription>Every alert also appears under the bell; these choices only decide what is e-mailed to you.</CardDescription>
        </CardHeader>
        <CardContent>
          <PreferencesForm initial={prefs} mailConfigured={Boolean(env().SMTP_URL)} />
        </CardContent>
      </Card>
      <Toaster />
    </div>
  );
}
