import { z } from "zod";
import {
  createWebhookSchema,
  createdWebhookSchema,
  rotatedSecretSchema,
  updateWebhookSchema,
  webhookListQuerySchema,
  webhookPageSchema,
  webhookSchema,
  webhookVersionSchema,
} from "@/lib/schemas/webhooks";
import { createEventTypeSchema, eventTypeSchema, updateEventTypeSchema } from "@/lib/schemas/event-types";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import type { Operation } from "./types";

const tag = "Webhooks";
const submitted = { description: "The change needs approval: a change request was made and nothing live changed", schema: changeSubmittedSchema };
export const webhookOperations: Operation[] = [
  {
    method: "get",
    path: "/webhooks",
    summary: "List webhooks, newest first",
    tag,
    permission: "webhooks.read",
    query: webhookListQuerySchema,
    responses: { 200: { description: "A page of webhooks", schema: webhookPageSchema } },
  },
  {
    method: "post",
    path: "/webhooks",
    summary: "Create a webhook; generated credentials appear in this response only",
    tag,
    permission: "webhooks.write",
    body: createWebhookSchema,
    responses: { 201: { description: "Created", schema: createdWebhookSchema }, 202: submitted },
  },
  {
    method: "get",
    path: "/webhooks/{id}",
    summary: "One webhook; every credential is *****",
    tag,
    permission: "webhooks.read",
    responses: { 200: { description: "The webhook", schema: webhookSchema } },
  },
  {
    method: "patch",
    path: "/webhooks/{id}",
    summary: "Update: scalars replace; add/remove lists (removals first); version → 409 when stale; ***** = unchanged",
    tag,
    permission: "webhooks.write",
    body: updateWebhookSchema,
    responses: { 200: { description: "Updated", schema: webhookSchema }, 202: submitted },
  },
  {
    method: "delete",
    path: "/webhooks/{id}",
    summary: "Delete a webhook",
    tag,
    permission: "webhooks.write",
    responses: { 204: { description: "Deleted" }, 202: submitted },
  },
  {
    method: "post",
    path: "/webhooks/{id}/rotate-secret",
    summary: "New signing secret, shown once; the previous one signs alongside for 24 h",
    tag,
    permission: "webhooks.write",
    responses: { 200: { description: "Rotated", schema: rotatedSecretSchema } },
  },
  {
    method: "get",
    path: "/webhooks/{id}/versions",
    summary: "Configuration history, newest first",
    tag,
    permission: "webhooks.read",
    responses: { 200: { description: "Versions", schema: z.object({ items: z.array(webhookVersionSchema) }) } },
  },
  {
    method: "get",
    path: "/event-types",
    summary: "The event-type catalog",
    tag: "Event types",
    permission: "event-types.read",
    responses: { 200: { description: "Event types", schema: z.object({ items: z.array(eventTypeSchema) }) } },
  },
  {
    method: "post",
    path: "/event-types",
    summary: "Add an event type",
    tag: "Event types",
    permission: "event-types.write",
    body: createEventTypeSchema,
    responses: { 201: { description: "Created", schema: eventTypeSchema } },
  },
  {
    method: "patch",
    path: "/event-types/{id}",
    summary: "Describe or deprecate an event type",
    tag: "Event types",
    permission: "event-types.write",
    body: updateEventTypeSchema,
    responses: { 200: { description: "Updated", schema: eventTypeSchema } },
  },
];
