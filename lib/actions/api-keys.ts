"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { createApiKeySchema } from "@/lib/schemas/api-keys";

export const createApiKeyAction = action(createApiKeySchema, async (input, { api }) => {
  const created = await api.apiKeys.create(input);
  revalidatePath("/developer/api-keys");
  return created;
});

export const revokeApiKeyAction = action(z.object({ id: z.string().uuid() }), async ({ id }, { api }) => {
  await api.apiKeys.revoke(id);
  revalidatePath("/developer/api-keys");
  return { id };
});
