/** One readable line of a change between two webhook configurations. Secrets never show a value, only that they changed. */
export type ConfigChange = { field: string; label: string } & (
  { kind: "value"; before: string; after: string } | { kind: "list"; added: string[]; removed: string[] } | { kind: "secret" }
);

const LABELS: Record<string, string> = {
  name: "Name",
  url: "URL",
  enabled: "Enabled",
  "auth.type": "Auth type",
  "auth.header": "Header name",
  "auth.tokenUrl": "Token URL",
  "auth.clientId": "Client ID",
  "auth.scope": "Scope",
  "auth.audience": "Audience",
  eventTypes: "Event types",
  secretHeaders: "Secret headers",
  rateLimit: "Rate limit",
  payload: "Payload",
  "failureHandling.maxAttempts": "Max attempts",
  "failureHandling.backoff": "Backoff",
  "failureHandling.intervalSeconds": "Backoff interval (s)",
  "failureHandling.suspendAfterFailures": "Suspend after failures",
};

const VALUE_TEXT: Record<string, string> = { api_key: "API Key", oauth2: "OAuth", true: "Yes", false: "No" };
const SECRET = /(secret|credential|fingerprint|password)|(^|\.)key(Hash|Fingerprint)?$/i;

export function fieldLabel(path: string) {
  if (LABELS[path]) return LABELS[path];
  if (path.startsWith("headers.")) return `Header ${path.slice(8)}`;
  if (/^auth\.key/i.test(path)) return "API key";
  if (/^auth\.clientSecret/i.test(path)) return "Client secret";
  if (/signing/i.test(path)) return "Signing secret";
  return path;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, value);
  return out;
}

export function formatConfigValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(formatConfigValue).join(", ") : "—";
  const text =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : JSON.stringify(value);
  return VALUE_TEXT[text] ?? text;
}

const MASK = "*****";
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Which credentials a version replaced, by the names versions record them under (`secretsChanged`). */
function secretChanges(after: Record<string, unknown>): ConfigChange[] {
  const names = Array.isArray(after.secretsChanged) ? (after.secretsChanged as string[]) : [];
  const authType = (after.auth as { type?: string } | undefined)?.type;
  return names.map((name) => {
    if (name.startsWith("header:")) return { field: `secret:${name}`, label: `Header ${name.slice(7)} (secret)`, kind: "secret" as const };
    const label = /sign/i.test(name) ? "Signing secret" : authType === "oauth2" ? "Client secret" : "API key";
    return { field: `secret:${name}`, label, kind: "secret" as const };
  });
}

/**
 * Field-by-field changes from `before` to `after` (nested objects by dotted path; string lists as added/removed).
 * Masked credentials never differ; replaced ones are listed in `after.secretsChanged` and shown as "changed".
 */
export function diffConfigs(before: Record<string, unknown>, after: Record<string, unknown>): ConfigChange[] {
  const { secretsChanged: _x, ...beforeConfig } = before;
  const { secretsChanged: _y, ...afterConfig } = after;
  const a = flatten(beforeConfig, "", new Map());
  const b = flatten(afterConfig, "", new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const changes: ConfigChange[] = [];
  for (const field of paths) {
    const x = a.get(field);
    const y = b.get(field);
    if (same(x, y)) continue;
    const label = fieldLabel(field);
    // A header turned secret reads "*****" now: say it changed, never show a value next to the mask.
    if (SECRET.test(field) || (field.startsWith("headers.") && (same(x, [MASK]) || same(y, [MASK])))) changes.push({ field, label, kind: "secret" });
    else if (field === "eventTypes" && (Array.isArray(x) || Array.isArray(y))) {
      const xs = (x as string[] | undefined) ?? [];
      const ys = (y as string[] | undefined) ?? [];
      changes.push({ field, label, kind: "list", added: ys.filter((t) => !xs.includes(t)), removed: xs.filter((t) => !ys.includes(t)) });
    } else changes.push({ field, label, kind: "value", before: formatConfigValue(x), after: formatConfigValue(y) });
  }
  const order = Object.keys(LABELS);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  changes.sort((p, q) => rank(p.field) - rank(q.field) || p.field.localeCompare(q.field));
  const covered = (s: ConfigChange) =>
    changes.some((c) => c.kind === "secret" && (c.label === s.label || `secret:header:${c.field.slice(8).toLowerCase()}` === s.field));
  for (const s of secretChanges(after)) if (!covered(s)) changes.push(s);
  return changes;
}
