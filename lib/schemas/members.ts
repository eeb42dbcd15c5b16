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

/** An open invitation, as the Members page lists it (never the token). */
export const inviteSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    roles: z.array(z.string()),
    invitedBy: z.string(),
    awaitingApproval: z.boolean(),
    createdAt: isoDate,
    expiresAt: isoDate,
  })
  .meta({ id: "Invite" });
export type Invite = z.infer<typeof inviteSchema>;

/**
 * POST /members: the same answer whether or not the e-mail already has an account. The one-time link is shown to
 * the inviter this once (there is no mail yet); it is not a password: the invitee chooses theirs when accepting.
 */
export const invitedMemberSchema = z
  .object({ invite: inviteSchema, invitePath: z.string().describe("Path of the one-time accept page, valid 72 hours"), changeRequestId: z.string().nullable() })
  .meta({ id: "InvitedMember" });
export type InvitedMember = z.infer<typeof invitedMemberSchema>;

export const newPasswordSchema = z.string().min(12, "Use at least 12 characters.").max(200, "At most 200 characters.");

/** The accept page: a new account's chosen password, or an existing account's own password. */
export const acceptInviteSchema = z
  .object({ token: z.string().min(1).max(200), password: z.string().max(200), name: z.string().trim().max(100).optional() })
  .strict();
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;
