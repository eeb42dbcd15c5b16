"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "./action";
import { idParam } from "@/lib/schemas/common";
import { alertEndpointSchema, markReadSchema, preferencesSchema } from "@/lib/schemas/alerts";
import { recoverRangeSchema } from "@/lib/schemas/recovery";

// The shell's bell shows the unread count on every page.
export const markNotificationsReadAction = action(markReadSchema, async (input, { api }) => {
  const result = await api.alerts.markRead(input);
  revalidatePath("/", "layout");
  return result;
});

export const savePreferencesAction = action(preferencesSchema, async (input, { api }) => api.alerts.savePreferences(input));

export const createAlertEndpointAction = action(alertEndpointSchema, async (input, { api }) => {
  const result = await api.alerts.createEndpoint(input);
  revalidatePath("/admin/alerts");
  return result;
});

export const deleteAlertEndpointAction = action(z.object({ id: idParam }), async ({ id }, { api }) => {
  await api.alerts.deleteEndpoint(id);
  revalidatePath("/admin/alerts");
  return { deleted: true };
});

export const testAlertEndpointAction = action(z.object({ id: idParam }), async ({ id }, { api }) => api.alerts.testEndpoint(id));

export const setPausedAction = action(z.object({ id: idParam, paused: z.boolean() }), async ({ id, paused }, { api }) => {
  const webhook = paused ? await api.recovery.pause(id) : await api.recovery.resume(id);
  revalidatePath(`/developer/webhooks/${id}`);
  return webhook;
});

export const recoverRangeAction = action(z.object({ id: idParam, range: recoverRangeSchema }), async ({ id, range }, { api }) =>
  api.recovery.recover(id, range),
);

export const recoverDivertedAction = action(z.object({ webhookId: idParam.optional() }), async (input, { api }) => api.recovery.recoverDiverted(input));

export const recoveryJobAction = action(z.object({ id: idParam }), async ({ id }, { api }) => api.recovery.job(id));

export const cancelRecoveryAction = action(z.object({ id: idParam }), async ({ id }, { api }) => api.recovery.cancel(id));
