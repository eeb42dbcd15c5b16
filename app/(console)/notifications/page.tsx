import { BellOff } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { listNotifications } from "@/lib/server/alerts/notifications";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NotificationList } from "@/components/alerts/notification-list";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor("webhooks.read");
  const items = await listNotifications({ actor, count: 100 });
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Notifications"
        description="What the console told you: webhooks failing, suspended or recovered, diverted deliveries, and change requests. The latest 100 are kept here."
      />
      {items.length === 0 ? (
        <EmptyState
          icon={BellOff}
          title="No notifications yet"
          description="You are told here when a webhook starts failing, is suspended or recovers, and when a change request needs you or was decided."
        />
      ) : (
        <NotificationList items={items} />
      )}
    </div>
  );
}
