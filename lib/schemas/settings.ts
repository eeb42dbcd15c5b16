import { z } from "zod";

export const approvalSettingsSchema = z.object({ create: z.boolean(), update: z.boolean(), delete: z.boolean() });
export type ApprovalSettings = z.infer<typeof approvalSettingsSchema>;

const expiryDays = z
  .number({ error: "Enter a number of days." })
  .int("Whole days only.")
  .min(1, "Requests stay open at least 1 day.")
  .max(90, "Requests stay open at most 90 days.");

/** GET /settings: which webhook changes need approval, how long a request stays open. */
export const orgSettingsSchema = z
  .object({ approvals: approvalSettingsSchema, approvalExpiryDays: z.number().int(), maxActiveWebhooks: z.number().int() })
  .meta({ id: "Settings" });
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** PATCH /settings: what is given replaces, what is omitted stays. */
export const updateSettingsSchema = z
  .object({
    approvals: z.object({ create: z.boolean().optional(), update: z.boolean().optional(), delete: z.boolean().optional() }).strict().optional(),
    approvalExpiryDays: expiryDays.optional(),
  })
  .strict()
  .meta({ id: "UpdateSettings" });
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;
