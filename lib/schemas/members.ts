import { z } from "zod";
import { isoDate, rolesSchema } from "./common";

export const memberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()), createdAt: isoDate })
  .meta({ id: "Member" });
export type Member = z.infer<typeof memberSchema>;

export const updateMemberSchema = z.object({ roles: rolesSchema }).strict().meta({ id: "UpdateMember" });
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const inviteMemberSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid email address."),
    name: z.string().trim().max(100).optional(),
    roles: rolesSchema,
  })
  .strict()
  .meta({ id: "InviteMember" });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/** The initial password appears in this response only. */
export const invitedMemberSchema = memberSchema.extend({ initialPassword: z.string().nullable() }).meta({ id: "InvitedMember" });
export type InvitedMember = z.infer<typeof invitedMemberSchema>;
