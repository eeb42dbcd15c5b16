// GET, PATCH /api/v1/orgs/{org}/settings — which webhook changes need approval; how long requests stay open
// (while approvals are on, switching a kind off answers 202 with a change request another approver decides)
import { orgRoute } from "@/lib/http/route";
import { orgSettingsSchema, updateSettingsSchema } from "@/lib/schemas/settings";
import { getSettings } from "@/lib/server/settings/get-settings";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { submittedResponse } from "@/lib/http/submitted";

export const GET = orgRoute({ permission: "settings.read" }, async ({ actor }) => orgSettingsSchema.parse(await getSettings({ actor })));

export const PATCH = orgRoute({ permission: "settings.write", body: updateSettingsSchema }, async ({ actor, body }) => {
  const result = await updateSettings({ actor, patch: body });
  return "changeRequest" in result ? submittedResponse(result.changeRequest) : orgSettingsSchema.parse(result);
});
