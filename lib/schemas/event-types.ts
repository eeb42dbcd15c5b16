import { z } from "zod";
import { isoDate } from "./common";

export const eventTypeNameSchema = z
  .string()
  .trim()
  .max(100, "At most 100 characters.")
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "Use dotted lowercase names such as order.created.");

export const createEventTypeSchema = z
  .object({
    name: eventTypeNameSchema,
    description: z.string().trim().max(500, "At most 500 characters.").default(""),
    examplePayload: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .meta({ id: "CreateEventType" });
export type CreateEventTypeInput = z.infer<typeof createEventTypeSchema>;

export const updateEventTypeSchema = z
  .object({ description: z.string().trim().max(500).optional(), deprecated: z.boolean().optional() })
  .strict()
  .meta({ id: "UpdateEventType" });
export type UpdateEventTypeInput = z.infer<typeof updateEventTypeSchema>;

export const eventTypeSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), examplePayload: z.unknown(), deprecated: z.boolean(), createdAt: isoDate })
  .meta({ id: "EventType" });
export type EventType = z.infer<typeof eventTypeSchema>;

/** Groups by the first segment: identity.approved → identity. */
export const eventTypeGroup = (name: string) => name.split(".")[0];
