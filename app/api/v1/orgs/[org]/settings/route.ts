// GET, PATCH /api/v1/orgs/{org}/settings — which webhook changes need approval; how long requests stay open
import { orgRoute } from "@/lib/http/route";
import { orgSettingsSchema, updateSettingsSchema } from "@/lib/schemas/settings";
import { getSettings } from "@/lib/server/settings/get-settings";
import { updateSettings } from "@/lib/server/settings/update-settings";

export const GET = orgRoute({ permission: "settings.read" }, async ({ actor }) => orgSettingsSchema.parse(await getSettings({ actor })));

export const PATCH = orgRoute({ permission: "settings.write", body: updateSettingsSchema }, async ({ actor, body }) =>
  orgSettingsSchema.parse(await updateSettings({ actor, patch: body })),
);
