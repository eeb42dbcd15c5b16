import { z } from "zod";
import { cursorParam, idParam, isoDate } from "./common";

export const publishEventSchema = z
  .object({
    type: z.string().trim().min(1, "Give the event type."),
    data: z.record(z.string(), z.unknown()).default({}),
    /** A stable id makes publishing idempotent: the same id is accepted once. */
    id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9_.:-]+$/, "Use letters, digits and _ . : - only.")
      .optional(),
  })
  .strict()
  .meta({ id: "PublishEvent" });
export type PublishEventInput = z.infer<typeof publishEventSchema>;

export const publishedEventSchema = z.object({ id: z.string(), deliveries: z.number().int(), duplicate: z.boolean() }).meta({ id: "PublishedEvent" });

export const MAX_BATCH_EVENTS = 500;

/** Up to 500 events in one request; each is checked on its own (see publishBatchResultSchema). */
export const publishBatchSchema = z
  .object({ events: z.array(publishEventSchema).min(1, "Send at least one event.").max(MAX_BATCH_EVENTS, `At most ${MAX_BATCH_EVENTS} events per batch.`) })
  .strict()
  .meta({ id: "PublishEventBatch" });
export type PublishBatchInput = z.infer<typeof publishBatchSchema>;

/** What the route accepts before the per-item checks: an invalid item is a result, not a failed request. */
export const publishBatchEnvelopeSchema = z
  .object({ events: z.array(z.unknown()).min(1, "Send at least one event.").max(MAX_BATCH_EVENTS, `At most ${MAX_BATCH_EVENTS} events per batch.`) })
  .strict();

const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export const publishBatchItemResultSchema = z
  .discriminatedUnion("status", [
    z.object({ index: z.number().int(), id: z.string(), status: z.literal("accepted"), deliveries: z.number().int() }),
    z.object({ index: z.number().int(), id: z.string(), status: z.literal("duplicate") }),
    z.object({ index: z.number().int(), id: z.string().nullable(), status: z.literal("invalid"), errors: z.array(fieldErrorSchema) }),
  ])
  .meta({ id: "PublishBatchItemResult" });
export type PublishBatchItemResult = z.infer<typeof publishBatchItemResultSchema>;

export const publishBatchResultSchema = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    invalid: z.number().int(),
    /** One per event, in request order. Nothing is written for an invalid or duplicate item. */
    results: z.array(publishBatchItemResultSchema),
  })
  .meta({ id: "PublishedEventBatch" });
export type PublishBatchResult = z.infer<typeof publishBatchResultSchema>;

export const deliveryStatusSchema = z.enum(["pending", "sending", "succeeded", "failed", "diverted"]);

export const attemptSchema = z
  .object({
    id: z.string(),
    attemptNo: z.number().int(),
    startedAt: isoDate,
    durationMs: z.number().int(),
    requestHeaders: z.record(z.string(), z.string()),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable(),
    errorClass: z.string().nullable(),
    errorMessage: z.string().nullable(),
    nextAttemptAt: isoDate.nullable(),
  })
  .meta({ id: "Attempt" });
export type Attempt = z.infer<typeof attemptSchema>;

export const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    webhookId: z.string(),
    webhookName: z.string(),
    webhookVersion: z.number().int(),
    status: deliveryStatusSchema,
    attempts: z.number().int(),
    nextAttemptAt: isoDate.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastErrorClass: z.string().nullable(),
    divertedReason: z.string().nullable(),
    divertedAt: isoDate.nullable(),
    isTest: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "Delivery" });
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryWithAttemptsSchema = deliverySchema.extend({ attempts_: z.array(attemptSchema) }).meta({ id: "DeliveryWithAttempts" });

export const deliveryListQuerySchema = z.object({
  status: deliveryStatusSchema.optional(),
  eventType: z.string().trim().max(200).optional(),
  webhookId: z.string().uuid().optional(),
  eventId: z.string().trim().max(200).optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: cursorParam(idParam).optional(),
  count: z.coerce.number().int().min(1).max(100).default(25),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;
export const eventDeliveriesQuerySchema = deliveryListQuerySchema.pick({ status: true, cursor: true, count: true });
export type EventDeliveriesQuery = z.infer<typeof eventDeliveriesQuerySchema>;
export const deliveryPageSchema = z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() });

export const sendTestSchema = z
  .object({ eventType: z.string().trim().min(1, "Choose an event type.") })
  .strict()
  .meta({ id: "SendTestEvent" });
export const unsuspendSchema = z
  .object({ redeliverDiverted: z.boolean().default(false) })
  .strict()
  .meta({ id: "Unsuspend" });
export const redeliverDivertedSchema = z
  .object({ ids: z.array(z.string().uuid()).max(1000).optional(), webhookId: z.string().uuid().optional() })
  .strict()
  .refine((v) => v.ids?.length || v.webhookId, { message: "Give ids or a webhookId." })
  .meta({ id: "RedeliverDiverted" });

export const eventSchema = z
  .object({ id: z.string(), type: z.string(), source: z.string(), time: isoDate, data: z.unknown(), isTest: z.boolean() })
  .meta({ id: "Event" });
export const eventSummarySchema = eventSchema.omit({ data: true }).extend({
  succeeded: z.number().int(),
  pending: z.number().int(),
  diverted: z.number().int(),
});
export const eventPageSchema = z.object({ items: z.array(eventSummarySchema), nextCursor: z.string().nullable() });

export const eventListQuerySchema = z.object({
  type: z.string().trim().max(200).optional(),
  cursor: cursorParam().optional(),
  count: z.coerce.number().int().min(1).max(100).default(25),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;
export const redeliveredSchema = z.object({ redelivered: z.number().int() });
export const testSentSchema = z.object({ delivery: z.object({ id: z.string(), eventId: z.string() }) }).meta({ id: "TestSent" });
