import { z } from "zod";

/** Operational events (DESIGN §10): what the console tells people and ops endpoints about itself. */
export const OPERATIONAL_EVENT_TYPES = [
  "webhook.failing",
  "webhook.suspended",
  "webhook.disabled",
  "webhook.recovered",
  "auth.token_failing",
  "deliveries.diverted",
  "change_request.submitted",
  "change_request.decided",
] as const;
export type OperationalEventType = (typeof OPERATIONAL_EVENT_TYPES)[number];

export const OPERATIONAL_EVENT_LABELS: Record<OperationalEventType, string> = {
  "webhook.failing": "A webhook is half-way to suspension",
  "webhook.suspended": "A webhook was suspended",
  "webhook.disabled": "A webhook was disabled (410 Gone)",
  "webhook.recovered": "A failing webhook recovered",
  "auth.token_failing": "A webhook's OAuth token request fails",
  "deliveries.diverted": "Deliveries were diverted (hourly digest)",
  "change_request.submitted": "A change waits for my approval",
  "change_request.decided": "My change request was decided",
};

/** The `source` of operational events: they are kept out of the org's own Events list. */
export const OPERATIONAL_SOURCE = "webhook-console:operational";

export const notificationSchema = z.object({
  id: z.string().uuid(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const preferencesSchema = z
  .object({
    emailEnabled: z.boolean(),
    mutedTypes: z.array(z.enum(OPERATIONAL_EVENT_TYPES, { message: "Not an operational event type." })).max(OPERATIONAL_EVENT_TYPES.length),
  })
  .strict();
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const markReadSchema = z.object({ ids: z.array(z.string().uuid()).max(500).optional(), all: z.boolean().optional() }).strict();

export const alertEndpointSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
    url: z
      .string()
      .trim()
      .min(1, "Enter a URL.")
      .max(2048, "URLs are limited to 2048 characters.")
      .refine((u) => URL.canParse(u), { message: "Enter an absolute URL such as https://example.com/alerts." }),
    eventTypes: z
      .array(z.enum(OPERATIONAL_EVENT_TYPES, { message: "Not an operational event type." }))
      .min(1, "Choose at least one event.")
      .max(OPERATIONAL_EVENT_TYPES.length),
  })
  .strict();
export type AlertEndpointInput = z.infer<typeof alertEndpointSchema>;

export const alertEndpointViewSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(["active", "pending", "disabled", "suspended"]),
  createdAt: z.string(),
});
export type AlertEndpointView = z.infer<typeof alertEndpointViewSchema>;
