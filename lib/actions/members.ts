"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { inviteMemberSchema, updateMemberSchema } from "@/lib/schemas/members";

export const inviteMemberAction = action(inviteMemberSchema, async (input, { api }) => {
  const invited = await api.members.invite(input);
  revalidatePath("/admin/members");
  revalidatePath("/admin/approvals");
  return invited;
});

export const revokeInviteAction = action(z.object({ id: z.string().uuid() }), async ({ id }, { api }) => {
  await api.members.revokeInvite(id);
  revalidatePath("/admin/members");
  return { revoked: true };
});

export const updateMemberRolesAction = action(updateMemberSchema.extend({ userId: z.string().uuid() }), async ({ userId, roles }, { api }) => {
  const updated = await api.members.updateRoles(userId, { roles });
  revalidatePath("/admin/members");
  revalidatePath("/admin/approvals");
  return updated;
});
