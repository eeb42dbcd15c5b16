import { z } from "zod";
import { alertEndpointViewSchema, notificationSchema, preferencesSchema, type AlertEndpointInput, type PreferencesInput } from "@/lib/schemas/alerts";
import { recoveryJobSchema, type RecoverRangeInput } from "@/lib/schemas/recovery";
import { webhookSchema } from "@/lib/schemas/webhooks";
import type { Requester } from "./http";

export const alertsClient = (request: Requester) => ({
  notifications: () => request("GET", "/notifications", { schema: z.object({ items: z.array(notificationSchema), unread: z.number() }) }),
  markRead: (body: { ids?: string[]; all?: boolean }) => request("POST", "/notifications/read", { body, schema: z.object({ marked: z.number() }) }),
  preferences: () => request("GET", "/notification-preferences", { schema: preferencesSchema }),
  savePreferences: (body: PreferencesInput) => request("PUT", "/notification-preferences", { body, schema: preferencesSchema }),
  endpoints: () => request("GET", "/alert-endpoints", { schema: z.object({ items: z.array(alertEndpointViewSchema) }) }),
  createEndpoint: (body: AlertEndpointInput) =>
    request("POST", "/alert-endpoints", { body, schema: z.object({ endpoint: alertEndpointViewSchema, signingSecret: z.string() }) }),
  deleteEndpoint: (id: string) => request("DELETE", `/alert-endpoints/${id}`),
  testEndpoint: (id: string) => request("POST", `/alert-endpoints/${id}/test`, { schema: z.object({ eventId: z.string() }) }),
});

export const recoveryClient = (request: Requester) => ({
  pause: (webhookId: string) => request("POST", `/webhooks/${webhookId}/pause`, { schema: webhookSchema }),
  resume: (webhookId: string) => request("POST", `/webhooks/${webhookId}/resume`, { schema: webhookSchema }),
  recover: (webhookId: string, body: RecoverRangeInput) => request("POST", `/webhooks/${webhookId}/recover`, { body, schema: recoveryJobSchema }),
  recoverDiverted: (body: { webhookId?: string }) => request("POST", "/diverted-events/recover", { body, schema: recoveryJobSchema }),
  job: (id: string) => request("GET", `/recovery-jobs/${id}`, { schema: recoveryJobSchema }),
  cancel: (id: string) => request("POST", `/recovery-jobs/${id}/cancel`, { schema: recoveryJobSchema }),
});
