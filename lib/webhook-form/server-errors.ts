import type { FieldPath } from "react-hook-form";
import type { WebhookFormValues } from "./form-values";

type ServerFieldError = { path: string; message: string };
export type MappedErrors = { fields: { name: FieldPath<WebhookFormValues>; message: string }[]; unmapped: ServerFieldError[] };

const AUTH_FIELDS = new Set(["type", "header", "key", "tokenUrl", "clientId", "clientSecret", "scope", "audience"]);
const FAILURE_FIELDS = new Set(["maxAttempts", "backoff", "intervalSeconds", "suspendAfterFailures"]);
const SCALARS = new Set(["name", "url", "rateLimit", "payload", "enabled"]);

/** Server field errors (API paths such as `auth.tokenUrl`, `eventTypes.2`, `headers.X-Team`) → the form's fields. */
export function mapServerErrors(errors: ServerFieldError[], values: Pick<WebhookFormValues, "headers">): MappedErrors {
  const out: MappedErrors = { fields: [], unmapped: [] };
  const add = (name: FieldPath<WebhookFormValues>, message: string) => {
    if (!out.fields.some((f) => f.name === name)) out.fields.push({ name, message });
  };
  for (const e of errors) {
    const [head, ...rest] = e.path.split(".");
    if (SCALARS.has(head) && rest.length === 0) add(head as FieldPath<WebhookFormValues>, e.message);
    else if (head === "auth") add(AUTH_FIELDS.has(rest[0]) ? (`auth.${rest[0]}` as FieldPath<WebhookFormValues>) : "auth.type", e.message);
    else if (head === "eventTypes" || head === "addEventTypes" || head === "removeEventTypes") add("eventTypes", e.message);
    else if (head === "failureHandling" && FAILURE_FIELDS.has(rest[0])) add(`failureHandling.${rest[0]}` as FieldPath<WebhookFormValues>, e.message);
    else if (head === "headers" || head === "addHeaders" || head === "removeHeaders") {
      const onValue = rest.length > 1 && /^\d+$/.test(rest.at(-1)!);
      const header = (onValue ? rest.slice(0, -1) : rest).join(".");
      const row = header ? values.headers.findIndex((h) => h.name.trim().toLowerCase() === header.toLowerCase()) : -1;
      if (row >= 0) add(onValue ? `headers.${row}.value` : `headers.${row}.name`, e.message);
      else out.unmapped.push(e);
    } else out.unmapped.push(e);
  }
  return out;
}
