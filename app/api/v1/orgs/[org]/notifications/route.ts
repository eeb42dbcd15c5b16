// GET /api/v1/orgs/{org}/notifications — the signed-in person's notifications, newest first, and the unread count
import { orgRoute } from "@/lib/http/route";
import { countUnread, listNotifications } from "@/lib/server/alerts/notifications";

export const GET = orgRoute({ permission: "webhooks.read" }, async ({ actor }) => ({
  items: await listNotifications({ actor }),
  unread: await countUnread({ actor }),
}));
