import { z } from "zod";
import {
  deliveryPageSchema,
  deliveryWithAttemptsSchema,
  eventPageSchema,
  eventSchema,
  publishedEventSchema,
  publishBatchResultSchema,
  redeliveredSchema,
  testSentSchema,
  type DeliveryListQuery,
  type EventDeliveriesQuery,
  type EventListQuery,
  type PublishBatchInput,
  type PublishEventInput,
} from "@/lib/schemas/delivery";
import { webhookSchema } from "@/lib/schemas/webhooks";
import type { Requester } from "./http";

export const eventsClient = (request: Requester) => ({
  publish: (input: PublishEventInput) => request("POST", "/events", { body: input, schema: publishedEventSchema }),
  /** Up to 500 events; the answer has one result per event, in order (an invalid one does not fail the others). */
  publishBatch: (events: PublishBatchInput["events"]) => request("POST", "/events/batch", { body: { events }, schema: publishBatchResultSchema }),
  list: (query: Partial<EventListQuery> = {}) => request("GET", "/events", { query, schema: eventPageSchema }),
  get: (id: string) => request("GET", `/events/${encodeURIComponent(id)}`, { schema: eventSchema }),
  deliveries: (id: string, query: Partial<EventDeliveriesQuery> = {}) =>
    request("GET", `/events/${encodeURIComponent(id)}/deliveries`, { query, schema: deliveryPageSchema }),
});

export const deliveriesClient = (request: Requester) => ({
  list: (webhookId: string, query: Partial<DeliveryListQuery> = {}) =>
    request("GET", `/webhooks/${webhookId}/deliveries`, { query, schema: deliveryPageSchema }),
  get: (id: string) => request("GET", `/deliveries/${id}`, { schema: deliveryWithAttemptsSchema }),
  redeliver: (id: string) => request("POST", `/deliveries/${id}/redeliver`, { schema: redeliveredSchema }),
  sendTest: (webhookId: string, eventType: string) => request("POST", `/webhooks/${webhookId}/test`, { body: { eventType }, schema: testSentSchema }),
  unsuspend: (webhookId: string, body: { redeliverDiverted: boolean }) =>
    request("POST", `/webhooks/${webhookId}/unsuspend`, { body, schema: z.object({ webhook: webhookSchema, redelivered: z.number().int() }) }),
});

export const divertedClient = (request: Requester) => ({
  list: (query: Partial<Omit<DeliveryListQuery, "status">> = {}) => request("GET", "/diverted-events", { query, schema: deliveryPageSchema }),
  redeliver: (body: { ids?: string[]; webhookId?: string }) => request("POST", "/diverted-events/redeliver", { body, schema: redeliveredSchema }),
  remove: (id: string) => request("DELETE", `/diverted-events/${id}`),
});
