import { z } from "zod";

/** RFC 9110 token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const RESERVED = new Set([
  "host",
  "content-type",
  "content-length",
  "connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "keep-alive",
  "user-agent",
  "cookie",
  "date",
]);
const isReserved = (name: string) => {
  const n = name.toLowerCase();
  return RESERVED.has(n) || n.startsWith("webhook-") || n.startsWith("proxy-") || n.startsWith("sec-");
};

export const headerNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a header name.")
  .max(100, "At most 100 characters.")
  .regex(TOKEN, "Use letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ only (no spaces or colons).")
  .refine((n) => !isReserved(n), { message: "This header is set by the delivery engine and cannot be used." });

/** Custom headers also may not set Authorization: the auth settings own it. */
export const customHeaderNameSchema = headerNameSchema.refine((n) => n.toLowerCase() !== "authorization", {
  message: "Set credentials under Authentication, not as a custom header.",
});

export const printableAscii = (label: string) => z.string().regex(/^[\x20-\x7e]*$/, `${label} may contain printable ASCII characters only.`);

export const headerValuesSchema = z
  .array(printableAscii("Header values").max(1024, "Header values are limited to 1 KiB."))
  .min(1, "Give at least one value.")
  .max(10, "At most 10 values per header.");

export const headersSchema = z
  .record(customHeaderNameSchema, headerValuesSchema)
  .refine((h) => Object.keys(h).length <= 20, { message: "At most 20 custom headers." })
  .refine((h) => new Set(Object.keys(h).map((k) => k.toLowerCase())).size === Object.keys(h).length, {
    message: "Each header name may appear once (names are case-insensitive).",
  });

/** Names of the custom headers whose values are secret (each must be one of the headers). */
export const secretHeaderNamesSchema = z.array(z.string().trim().min(1).max(100)).max(20, "At most 20 custom headers.");

export const urlSchema = z
  .string()
  .trim()
  .min(1, "Enter a URL.")
  .max(2048, "URLs are limited to 2048 characters.")
  .refine((u) => URL.canParse(u), { message: "Enter an absolute URL such as https://example.com/webhooks." });

export const failureHandlingSchema = z
  .object({
    maxAttempts: z.number().int().min(1, "At least 1 attempt.").max(10, "At most 10 attempts.").default(8),
    backoff: z.enum(["exponential", "linear"]).default("exponential"),
    intervalSeconds: z.number().int().min(1, "At least 1 second.").max(86_400, "At most 1 day.").optional(),
    suspendAfterFailures: z.number().int().min(1, "At least 1.").max(10_000, "At most 10,000.").default(50),
  })
  .strict()
  .refine((f) => f.backoff !== "linear" || f.intervalSeconds !== undefined, {
    message: "Linear backoff needs an interval.",
    path: ["intervalSeconds"],
  });
export type FailureHandlingInput = z.infer<typeof failureHandlingSchema>;
export const DEFAULT_FAILURE_HANDLING = { maxAttempts: 8, backoff: "exponential", suspendAfterFailures: 50 } as const;

export const rateLimitSchema = z
  .number({ message: "Enter a whole number from 1 to 100." })
  .int("Enter a whole number from 1 to 100.")
  .min(1, "The rate limit is at least 1 request per second.")
  .max(100, "The rate limit is at most 100 requests per second.");

export const webhookNameSchema = z.string().trim().min(1, "Enter a name.").max(100, "Names are limited to 100 characters.");
export const eventTypeNamesSchema = z.array(z.string().min(1)).min(1, "Choose at least one event type.").max(200);
