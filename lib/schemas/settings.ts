import { z } from "zod";

export const approvalSettingsSchema = z.object({ create: z.boolean(), update: z.boolean(), delete: z.boolean() });
export type ApprovalSettings = z.infer<typeof approvalSettingsSchema>;

const expiryDays = z
  .number({ error: "Enter a number of days." })
  .int("Whole days only.")
  .min(1, "Requests stay open at least 1 day.")
  .max(90, "Requests stay open at most 90 days.");

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter a number of ${what}.` })
    .int(`Whole ${what} only.`)
    .min(min, `At least ${min} ${what}.`)
    .max(max, `At most ${max.toLocaleString("en")} ${what}.`);
export const publishLimitSchema = wholeNumber("events per second", 1, 100_000);
export const retentionDaysSchema = wholeNumber("days", 1, 365);
export const auditRetentionDaysSchema = wholeNumber("days", 30, 3650);

/** GET /settings: which webhook changes need approval, how long a request stays open; publishing and retention limits. */
export const orgSettingsSchema = z
  .object({
    approvals: approvalSettingsSchema,
    approvalExpiryDays: z.number().int(),
    maxActiveWebhooks: z.number().int(),
    /** Events per second the org may publish; over it the API answers 429 with Retry-After. */
    publishLimit: z.number().int(),
    /** Days events, deliveries and attempts are kept. */
    retentionDays: z.number().int(),
    /** Days audit entries are kept. */
    auditRetentionDays: z.number().int(),
  })
  .meta({ id: "Settings" });
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** PATCH /settings: what is given replaces, what is omitted stays. */
export const updateSettingsSchema = z
  .object({
    approvals: z.object({ create: z.boolean().optional(), update: z.boolean().optional(), delete: z.boolean().optional() }).strict().optional(),
    approvalExpiryDays: expiryDays.optional(),
    publishLimit: publishLimitSchema.optional(),
    retentionDays: retentionDaysSchema.optional(),
    auditRetentionDays: auditRetentionDaysSchema.optional(),
  })
  .strict()
  .meta({ id: "UpdateSettings" });
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;
