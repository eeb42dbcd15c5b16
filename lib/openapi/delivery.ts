import { z } from "zod";
import {
  deliveryListQuerySchema, deliveryPageSchema, eventDeliveriesQuerySchema, deliveryWithAttemptsSchema, eventListQuerySchema, eventPageSchema, eventSchema, publishEventSchema,
  publishedEventSchema, publishBatchSchema, publishBatchResultSchema, redeliverDivertedSchema, redeliveredSchema, sendTestSchema, testSentSchema, unsuspendSchema,
} from "@/lib/schemas/delivery";
import { webhookSchema } from "@/lib/schemas/webhooks";
import type { Operation } from "./types";

export const deliveryOperations: Operation[] = [
  { method: "post", path: "/events", summary: "Publish an event (an id makes it idempotent)", tag: "Events", permission: "events.publish", body: publishEventSchema, responses: { 202: { description: "Accepted", schema: publishedEventSchema } } },
  { method: "post", path: "/events/batch", summary: "Publish up to 500 events in one request; one result per event (accepted, duplicate, or invalid with field errors — nothing is written for an invalid one)", tag: "Events", permission: "events.publish", body: publishBatchSchema, responses: { 200: { description: "Per-event results", schema: publishBatchResultSchema } } },
  { method: "get", path: "/events", summary: "Published events with delivery counts", tag: "Events", permission: "events.read", query: eventListQuerySchema, responses: { 200: { description: "Events", schema: eventPageSchema } } },
  { method: "get", path: "/events/{id}", summary: "The full event (Get Event)", tag: "Events", permission: "events.read", responses: { 200: { description: "Event", schema: eventSchema } } },
  { method: "get", path: "/events/{id}/deliveries", summary: "Where an event went: its deliveries", tag: "Events", permission: "deliveries.read", query: eventDeliveriesQuerySchema, responses: { 200: { description: "Deliveries", schema: deliveryPageSchema } } },
  { method: "post", path: "/webhooks/{id}/test", summary: "Send a test event to this webhook", tag: "Deliveries", permission: "webhooks.test", body: sendTestSchema, responses: { 202: { description: "Queued", schema: testSentSchema } } },
  { method: "post", path: "/webhooks/{id}/unsuspend", summary: "Resume a suspended webhook", tag: "Webhooks", permission: "webhooks.write", body: unsuspendSchema, responses: { 200: { description: "Resumed", schema: z.object({ webhook: webhookSchema, redelivered: z.number() }) } } },
  { method: "get", path: "/webhooks/{id}/deliveries", summary: "Delivery log, newest first", tag: "Deliveries", permission: "deliveries.read", query: deliveryListQuerySchema, responses: { 200: { description: "Deliveries", schema: deliveryPageSchema } } },
  { method: "get", path: "/deliveries/{id}", summary: "A delivery with its attempts", tag: "Deliveries", permission: "deliveries.read", responses: { 200: { description: "Delivery", schema: deliveryWithAttemptsSchema } } },
  { method: "post", path: "/deliveries/{id}/redeliver", summary: "Send a delivery again: a test delivery needs deliveries.redeliver-test (testers, admins), a production one deliveries.redeliver (admins)", tag: "Deliveries", permission: "deliveries.redeliver-test", responses: { 202: { description: "Queued", schema: redeliveredSchema } } },
  { method: "get", path: "/diverted-events", summary: "Diverted deliveries", tag: "Diverted events", permission: "deliveries.read", query: deliveryListQuerySchema.omit({ status: true }), responses: { 200: { description: "Diverted", schema: deliveryPageSchema } } },
  { method: "post", path: "/diverted-events/redeliver", summary: "Redeliver selected, or all of a webhook's", tag: "Diverted events", permission: "diverted.manage", body: redeliverDivertedSchema, responses: { 202: { description: "Queued", schema: redeliveredSchema } } },
  { method: "delete", path: "/diverted-events/{id}", summary: "Discard a diverted delivery", tag: "Diverted events", permission: "diverted.manage", responses: { 204: { description: "Deleted" } } },
];
