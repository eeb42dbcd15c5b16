import { z } from "zod";
import { isoDate, pageQuerySchema } from "./common";

export const auditQuerySchema = pageQuerySchema.extend({
  count: z.coerce.number().int().min(1).max(1000).default(50),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  target: z.string().trim().max(200).optional(),
  from: z.coerce.date({ message: "Not a date." }).optional(),
  /** A bare date means the end of that day. */
  to: z
    .string()
    .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59.999Z` : v))
    .refine((d) => !Number.isNaN(d.getTime()), "Not a date.")
    .optional(),
  format: z.enum(["json", "csv"]).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    createdAt: isoDate,
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;
