import { z } from "zod";
import {
  createdWebhookSchema,
  rotatedSecretSchema,
  webhookPageSchema,
  webhookSchema,
  webhookVersionSchema,
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type WebhookListQuery,
} from "@/lib/schemas/webhooks";
import { eventTypeSchema, type CreateEventTypeInput, type UpdateEventTypeInput } from "@/lib/schemas/event-types";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import type { Requester } from "./http";

export const webhooksClient = (request: Requester) => ({
  list: (query: Partial<WebhookListQuery> = {}) => request("GET", "/webhooks", { query, schema: webhookPageSchema }),
  get: (id: string) => request("GET", `/webhooks/${id}`, { schema: webhookSchema }),
  // 201/200/204, or 202 { changeRequest } when the change needs approval.
  create: (input: CreateWebhookInput) => request("POST", "/webhooks", { body: input, schema: z.union([changeSubmittedSchema, createdWebhookSchema]) }),
  update: (id: string, patch: UpdateWebhookInput) =>
    request("PATCH", `/webhooks/${id}`, { body: patch, schema: z.union([changeSubmittedSchema, webhookSchema]) }),
  remove: (id: string) => request("DELETE", `/webhooks/${id}`, { schema: changeSubmittedSchema.optional() }),
  rotateSecret: (id: string) => request("POST", `/webhooks/${id}/rotate-secret`, { schema: rotatedSecretSchema }),
  versions: (id: string) => request("GET", `/webhooks/${id}/versions`, { schema: z.object({ items: z.array(webhookVersionSchema) }) }),
});

export const eventTypesClient = (request: Requester) => ({
  list: () => request("GET", "/event-types", { schema: z.object({ items: z.array(eventTypeSchema) }) }),
  create: (input: CreateEventTypeInput) => request("POST", "/event-types", { body: input, schema: eventTypeSchema }),
  update: (id: string, patch: UpdateEventTypeInput) => request("PATCH", `/event-types/${id}`, { body: patch, schema: eventTypeSchema }),
});
