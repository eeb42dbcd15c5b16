"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { idParam } from "@/lib/schemas/common";
import { rejectChangeSchema } from "@/lib/schemas/approvals";

const byId = z.object({ id: idParam });

function revalidate(id: string) {
  revalidatePath("/admin/approvals");
  revalidatePath(`/admin/approvals/${id}`);
  revalidatePath("/developer/webhooks", "layout");
}

export const approveChangeAction = action(byId, async ({ id }, { api }) => {
  try {
    return await api.changeRequests.approve(id);
  } finally {
    revalidate(id); // a stale or expired outcome changed the request too
  }
});

export const rejectChangeAction = action(rejectChangeSchema.extend({ id: idParam }), async ({ id, reason }, { api }) => {
  const rejected = await api.changeRequests.reject(id, { reason });
  revalidate(id);
  return rejected;
});

export const cancelChangeAction = action(byId, async ({ id }, { api }) => {
  const cancelled = await api.changeRequests.cancel(id);
  revalidate(id);
  return cancelled;
});

export const runChecksAction = action(byId, async ({ id }, { api }) => {
  const checked = await api.changeRequests.runChecks(id);
  revalidatePath(`/admin/approvals/${id}`);
  return checked.checks;
});
