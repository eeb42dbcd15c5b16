"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { idParam } from "@/lib/schemas/common";
import { redeliverDivertedSchema } from "@/lib/schemas/delivery";

// The layout shows the diverted count in the navigation, and the Events page shows per-event counts.
const revalidateAll = () => revalidatePath("/developer", "layout");

export const redeliverDivertedAction = action(redeliverDivertedSchema, async (input, { api }) => {
  const result = await api.diverted.redeliver(input);
  revalidateAll();
  return result;
});

export const deleteDivertedAction = action(z.object({ ids: z.array(idParam).min(1).max(100) }), async ({ ids }, { api }) => {
  const results = await Promise.allSettled(ids.map((id) => api.diverted.remove(id)));
  revalidateAll();
  const deleted = results.filter((r) => r.status === "fulfilled").length;
  const failed = results.find((r) => r.status === "rejected");
  if (deleted === 0 && failed) throw failed.reason;
  return { deleted };
});
