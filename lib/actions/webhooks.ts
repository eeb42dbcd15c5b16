"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { idParam } from "@/lib/schemas/common";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/schemas/webhooks";
import { sendTestSchema, unsuspendSchema } from "@/lib/schemas/delivery";

const LIST = "/developer/webhooks";
const byId = z.object({ id: idParam });

export const createWebhookAction = action(createWebhookSchema, async (input, { api }) => {
  const created = await api.webhooks.create(input);
  revalidatePath(LIST);
  return created;
});

export const updateWebhookAction = action(updateWebhookSchema.extend({ id: idParam }), async ({ id, ...patch }, { api }) => {
  const updated = await api.webhooks.update(id, patch);
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${id}`);
  return updated;
});

export const deleteWebhookAction = action(byId, async ({ id }, { api }) => {
  const result = await api.webhooks.remove(id);
  revalidatePath(LIST);
  return result ?? null;
});

export const rotateSecretAction = action(byId, async ({ id }, { api }) => {
  const rotated = await api.webhooks.rotateSecret(id);
  revalidatePath(`${LIST}/${id}`);
  return rotated;
});

export const sendTestEventAction = action(sendTestSchema.extend({ id: idParam }), async ({ id, eventType }, { api }) => api.deliveries.sendTest(id, eventType));

export const redeliverAction = action(byId, async ({ id }, { api }) => api.deliveries.redeliver(id));

export const unsuspendWebhookAction = action(unsuspendSchema.extend({ id: idParam }), async ({ id, redeliverDiverted }, { api }) => {
  const result = await api.deliveries.unsuspend(id, { redeliverDiverted });
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${id}`);
  return result;
});
