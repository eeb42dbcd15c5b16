"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { idParam } from "@/lib/schemas/common";
import { createEventTypeSchema, updateEventTypeSchema } from "@/lib/schemas/event-types";

const PATH = "/developer/event-types";

export const createEventTypeAction = action(createEventTypeSchema, async (input, { api }) => {
  const created = await api.eventTypes.create(input);
  revalidatePath(PATH);
  return created;
});

export const updateEventTypeAction = action(updateEventTypeSchema.extend({ id: idParam }), async ({ id, ...patch }, { api }) => {
  const updated = await api.eventTypes.update(id, patch);
  revalidatePath(PATH);
  return updated;
});
