// GET, PUT /api/v1/orgs/{org}/notification-preferences — which alerts the signed-in person receives by e-mail
import { orgRoute } from "@/lib/http/route";
import { preferencesSchema } from "@/lib/schemas/alerts";
import { getPreferences, savePreferences } from "@/lib/server/alerts/preferences";

export const GET = orgRoute({ permission: "webhooks.read" }, async ({ actor }) => getPreferences({ actor }));
export const PUT = orgRoute({ permission: "webhooks.read", body: preferencesSchema }, async ({ actor, body }) => savePreferences({ actor, input: body }));
