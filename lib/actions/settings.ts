"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { updateSettingsSchema } from "@/lib/schemas/settings";

export const updateSettingsAction = action(updateSettingsSchema, async (patch, { api }) => {
  const saved = await api.settings.update(patch);
  revalidatePath("/admin/settings");
  revalidatePath("/admin/approvals");
  revalidatePath("/developer/webhooks", "layout"); // the forms' "Submit for Approval" labels follow the settings
  return saved;
});
