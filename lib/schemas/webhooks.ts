import { z } from "zod";
import { isoDate, MASK, pageOf } from "./common";
import {
  eventTypeNamesSchema,
  failureHandlingSchema,
  headerNameSchema,
  headersSchema,
  printableAscii,
  rateLimitSchema,
  secretHeaderNamesSchema,
  urlSchema,
  webhookNameSchema,
} from "./webhook-fields";

const apiKeyAuthInput = z
  .object({
    type: z.literal("api_key"),
    header: headerNameSchema.default("X-Api-Key"),
    /** Omit to have the server generate one (shown once). "*****" in a PATCH means unchanged. */
    key: z
      .union([z.literal("*****"), printableAscii("The key").min(8, "Keys are at least 8 characters.").max(512, "Keys are at most 512 characters.")])
      .optional(),
    /** PATCH only: true has the server generate a new key, shown once in the response. */
    generateKey: z.boolean().optional(),
  })
  .strict();

const oauth2AuthInput = z
  .object({
    type: z.literal("oauth2"),
    tokenUrl: urlSchema,
    clientId: z.string().trim().min(1, "Enter the client ID.").max(512),
    /** "*****" in a PATCH means unchanged. */
    clientSecret: z.string().min(1, "Enter the client secret.").max(1024),
    scope: z.string().trim().max(1000).optional(),
    audience: z.string().trim().max(1000).optional(),
  })
  .strict();

export const authInputSchema = z.discriminatedUnion("type", [apiKeyAuthInput, oauth2AuthInput]);
export type AuthInput = z.infer<typeof authInputSchema>;

const signingSecretInput = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "Signing secrets look like whsec_ followed by base64.")
  .refine((s) => {
    const n = Buffer.from(s.slice(6), "base64").length;
    return n >= 24 && n <= 64;
  }, "Signing secrets encode 24 to 64 random bytes.");

export const createWebhookSchema = z
  .object({
    name: webhookNameSchema,
    url: urlSchema,
    auth: authInputSchema,
    eventTypes: eventTypeNamesSchema,
    rateLimit: rateLimitSchema.default(10),
    headers: headersSchema.default({}),
    /** Which custom headers are secret: their values are encrypted at rest and shown as "*****". */
    secretHeaders: secretHeaderNamesSchema.default([]),
    failureHandling: failureHandlingSchema.default({ maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 }),
    payload: z.enum(["thin", "full"]).default("thin"),
    enabled: z.boolean().default(true),
    signingSecret: signingSecretInput.optional(),
  })
  .strict()
  .meta({ id: "CreateWebhook" });
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    name: webhookNameSchema.optional(),
    url: urlSchema.optional(),
    auth: authInputSchema.optional(),
    eventTypes: eventTypeNamesSchema.optional(),
    addEventTypes: z.array(z.string().min(1)).max(200).optional(),
    removeEventTypes: z.array(z.string().min(1)).max(200).optional(),
    rateLimit: rateLimitSchema.optional(),
    headers: headersSchema.optional(),
    addHeaders: headersSchema.optional(),
    removeHeaders: z.array(z.string().min(1)).max(20).optional(),
    /** The full set of secret custom headers after the change (omit to keep the current set). "*****" keeps a stored value. */
    secretHeaders: secretHeaderNamesSchema.optional(),
    failureHandling: failureHandlingSchema.optional(),
    payload: z.enum(["thin", "full"]).optional(),
    enabled: z.boolean().optional(),
    /** The version you edited; a newer stored version makes this a 409. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: "UpdateWebhook" });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookListQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).max(100, "count is at most 100").default(20),
  name: z.string().trim().max(100).optional(),
  enabled: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  suspended: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  status: z.enum(["active", "pending", "disabled", "suspended"]).optional(),
  eventTypes: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).filter(Boolean))
    .optional(),
});
export type WebhookListQuery = z.infer<typeof webhookListQuerySchema>;

const authOutput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("api_key"), header: z.string(), key: z.string() }),
  z.object({
    type: z.literal("oauth2"),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    scope: z.string().nullable(),
    audience: z.string().nullable(),
  }),
]);

export const webhookStatusSchema = z.enum(["active", "pending", "disabled", "suspended"]);
export type WebhookStatus = z.infer<typeof webhookStatusSchema>;

/** What leaves the server. Every credential is "*****" (see toWebhookView). */
export const webhookSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    auth: authOutput,
    signingSecret: z.string(),
    eventTypes: z.array(z.string()),
    rateLimit: z.number().int(),
    /** Secret headers' values are "*****". */
    headers: z.record(z.string(), z.array(z.string())),
    secretHeaders: z.array(z.string()),
    failureHandling: z.object({
      maxAttempts: z.number(),
      backoff: z.enum(["exponential", "linear"]),
      intervalSeconds: z.number().optional(),
      suspendAfterFailures: z.number(),
    }),
    payload: z.enum(["thin", "full"]),
    enabled: z.boolean(),
    status: webhookStatusSchema,
    statusReason: z.string().nullable(),
    suspended: z.boolean(),
    suspendedAt: isoDate.nullable(),
    consecutiveFailures: z.number().int(),
    /** Paused: events queue (not diverted) until resumed; backlog is how many wait (only while paused). */
    paused: z.boolean(),
    pausedAt: isoDate.nullable(),
    backlog: z.number().int().nullable(),
    version: z.number().int(),
    pendingChangeRequestId: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookPageSchema = pageOf(webhookSchema).extend({ activeCount: z.number().int(), activeLimit: z.number().int() });

/** The create response: the ONLY place generated credentials appear in clear. */
export const createdWebhookSchema = webhookSchema.meta({ id: "CreatedWebhook" });

export const rotatedSecretSchema = z.object({ signingSecret: z.string(), previousSecretExpiresAt: isoDate }).meta({ id: "RotatedSecret" });

export const webhookVersionSchema = z
  .object({
    version: z.number().int(),
    changedFields: z.array(z.string()),
    config: z.record(z.string(), z.unknown()),
    actorLabel: z.string(),
    createdAt: isoDate,
  })
  .meta({ id: "WebhookVersion" });
export type WebhookVersion = z.infer<typeof webhookVersionSchema>;

export { MASK };
