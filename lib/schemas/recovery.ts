import { z } from "zod";

const instant = (label: string) =>
  z.string({ message: `${label} is required.` }).datetime({ offset: true, message: `${label} must be an ISO 8601 date-time.` });

export const recoverRangeSchema = z
  .object({
    from: instant("From"),
    to: instant("To"),
    eventTypes: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Date.parse(v.to) <= Date.parse(v.from)) ctx.addIssue({ code: "custom", path: ["to"], message: "To must be after From." });
  });
export type RecoverRangeInput = z.infer<typeof recoverRangeSchema>;

export const recoveryJobSchema = z.object({
  id: z.string().uuid(),
  webhookId: z.string().uuid().nullable(),
  scope: z.enum(["range", "diverted"]),
  eventTypes: z.array(z.string()).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: z.enum(["queued", "running", "succeeded", "cancelled", "failed"]),
  total: z.number(),
  done: z.number(),
  redelivered: z.number(),
  percent: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RecoveryJobView = z.infer<typeof recoveryJobSchema>;

/** Above this many diverted deliveries, "Redeliver all" runs as a job with a progress bar. */
export const REDELIVER_ALL_JOB_THRESHOLD = 500;
