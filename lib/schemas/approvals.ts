import { z } from "zod";
import { isoDate, pageOf } from "./common";
import { createdWebhookSchema } from "./webhooks";

export const changeActionSchema = z.enum(["create", "update", "delete"]);
export type ChangeAction = z.infer<typeof changeActionSchema>;
/** What a request changes: a webhook, or one of the rules that make four-eyes mean something. */
export const changeTargetKindSchema = z.enum(["webhook", "settings", "member-roles", "invite"]);
export type ChangeTargetKind = z.infer<typeof changeTargetKindSchema>;
export const changeStatusSchema = z.enum(["pending", "approved", "rejected", "cancelled", "stale", "expired"]);
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

export const checkResultSchema = z.object({
  name: z.enum(["url", "oauth_token", "ping"]),
  label: z.string(),
  status: z.enum(["passed", "failed", "skipped"]),
  detail: z.string(),
  durationMs: z.number().int().optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
export const checksSchema = z.object({ ranAt: isoDate, ranBy: z.string(), items: z.array(checkResultSchema) }).meta({ id: "ChangeRequestChecks" });
export type Checks = z.infer<typeof checksSchema>;

const person = z.object({ id: z.string(), label: z.string() });

/** A change request as it leaves the server: the proposal is secret-free (credentials "*****", changes named in secretsChanged). */
export const changeRequestSchema = z
  .object({
    id: z.string(),
    action: changeActionSchema,
    targetKind: changeTargetKindSchema,
    /** The member's user id (member-roles), the invitation id (invite), the org id (settings); null for webhooks. */
    targetId: z.string().nullable(),
    status: changeStatusSchema,
    webhookId: z.string().nullable(),
    webhookName: z.string(),
    baseVersion: z.number().int().nullable(),
    proposed: z.record(z.string(), z.unknown()),
    /** personId: the person behind the requester (an API key's creator), who may not decide it either. */
    requester: person.extend({ personId: z.string().nullable() }),
    reviewer: person.nullable(),
    reason: z.string().nullable(),
    checks: checksSchema.nullable(),
    createdAt: isoDate,
    expiresAt: isoDate,
    decidedAt: isoDate.nullable(),
  })
  .meta({ id: "ChangeRequest" });
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const changeRowSchema = z.object({
  field: z.string(),
  label: z.string(),
  kind: z.enum(["value", "list", "secret"]),
  before: z.string(),
  after: z.string(),
  changed: z.boolean(),
  /** Lists (event types): what the change adds and removes. */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export type ChangeRow = z.infer<typeof changeRowSchema>;

/** GET /change-requests/{id}: the request, the live configuration it would change, and the field-by-field diff. */
export const changeRequestDetailSchema = changeRequestSchema
  .extend({
    live: z.record(z.string(), z.unknown()).nullable(),
    liveVersion: z.number().int().nullable(),
    changes: z.array(changeRowSchema),
  })
  .meta({ id: "ChangeRequestDetail" });
export type ChangeRequestDetail = z.infer<typeof changeRequestDetailSchema>;

export const changeRequestListQuerySchema = z.object({
  status: z.union([changeStatusSchema, z.literal("all")]).default("all"),
  /** Only requests the caller may decide: pending and made by someone else. */
  reviewable: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  webhookId: z.string().uuid("Not a valid id.").optional(),
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).max(100, "count is at most 100").default(20),
});
export type ChangeRequestListQuery = z.infer<typeof changeRequestListQuerySchema>;
export const changeRequestPageSchema = pageOf(changeRequestSchema);

export const rejectChangeSchema = z
  .object({ reason: z.string().trim().min(1, "Give a reason: the requester sees it.").max(1000, "At most 1000 characters.") })
  .strict()
  .meta({ id: "RejectChangeRequest" });
export type RejectChangeInput = z.infer<typeof rejectChangeSchema>;

/**
 * 202 from POST/PATCH/DELETE /webhooks when the change needs approval. For a creation, `webhook` is the pending
 * webhook with the credentials the server generated; for an update switching to a generated API key, `generatedApiKey`.
 * Shown to the requester this once; approvers never see them.
 */
export const changeSubmittedSchema = z
  .object({ changeRequest: changeRequestSchema, webhook: createdWebhookSchema.optional(), generatedApiKey: z.string().optional() })
  .meta({ id: "ChangeSubmitted" });
export type ChangeSubmitted = z.infer<typeof changeSubmittedSchema>;
