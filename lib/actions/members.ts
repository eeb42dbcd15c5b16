"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { inviteMemberSchema, updateMemberSchema } from "@/lib/schemas/members";

export const inviteMemberAction = action(inviteMemberSchema, async (input, { api }) => {
  const invited = await api.members.invite(input);
  revalidatePath("/admin/members");
  return invited;
});

export const updateMemberRolesAction = action(updateMemberSchema.extend({ userId: z.string().uuid() }), async ({ userId, roles }, { api }) => {
  const updated = await api.members.updateRoles(userId, { roles });
  revalidatePath("/admin/members");
  return updated;
});
