// POST /api/v1/orgs/{org}/notifications/read { ids? , all? } — mark the person's notifications read
import { orgRoute } from "@/lib/http/route";
import { markReadSchema } from "@/lib/schemas/alerts";
import { markNotificationsRead } from "@/lib/server/alerts/notifications";

export const POST = orgRoute({ permission: "webhooks.read", body: markReadSchema }, async ({ actor, body }) => ({
  marked: await markNotificationsRead({ actor, ids: body.ids, all: body.all }),
}));
