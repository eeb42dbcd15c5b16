import type { ChangeAction, ChangeRow } from "@/lib/schemas/approvals";
import { fieldLabel, formatConfigValue } from "./config-diff";

type Snapshot = Record<string, unknown>;

// Rows in reading order; custom headers follow, by name.
const ORDER = [
  "name",
  "url",
  "enabled",
  "auth.type",
  "auth.header",
  "auth.tokenUrl",
  "auth.clientId",
  "auth.scope",
  "auth.audience",
  "secret:auth",
  "secret:signing",
  "eventTypes",
  "rateLimit",
  "payload",
  "failureHandling.maxAttempts",
  "failureHandling.backoff",
  "failureHandling.intervalSeconds",
  "failureHandling.suspendAfterFailures",
];
// Masked credentials in a snapshot: never compared, never shown; their rows come from `secretsChanged`.
const MASKED = new Set(["auth.key", "auth.clientSecret", "signingSecret", "secretsChanged"]);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix && !MASKED.has(prefix)) out.set(prefix, value);
  return out;
}

const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => (empty(a) && empty(b)) || JSON.stringify(a) === JSON.stringify(b);
const authType = (s: Snapshot | null) => (s?.auth as { type?: string } | undefined)?.type;
const secretsChanged = (s: Snapshot) => (Array.isArray(s.secretsChanged) ? (s.secretsChanged as string[]) : []);

function credentialRows(action: ChangeAction, live: Snapshot | null, proposed: Snapshot): ChangeRow[] {
  const type = action === "delete" ? authType(live) : authType(proposed);
  const authLabel = type === "oauth2" ? "Client secret" : "API key";
  if (action === "create") {
    return [
      { field: "secret:auth", label: authLabel, kind: "secret", before: "—", after: "set", changed: true },
      { field: "secret:signing", label: "Signing secret", kind: "secret", before: "—", after: "set", changed: true },
    ];
  }
  if (action === "delete") {
    return [
      { field: "secret:auth", label: authLabel, kind: "secret", before: "set", after: "deleted", changed: true },
      { field: "secret:signing", label: "Signing secret", kind: "secret", before: "set", after: "deleted", changed: true },
    ];
  }
  const authChanged = secretsChanged(proposed).includes("auth") || authType(live) !== authType(proposed);
  const signingChanged = secretsChanged(proposed).some((s) => /sign/i.test(s));
  const row = (field: string, label: string, changed: boolean): ChangeRow => ({
    field,
    label,
    kind: "secret",
    before: "set",
    after: changed ? "changed" : "unchanged",
    changed,
  });
  return [row("secret:auth", authLabel, authChanged), row("secret:signing", "Signing secret", signingChanged)];
}

const MASK = "*****";

/**
 * Secret custom headers read "*****" on both sides, so comparing them says nothing: their rows read "set", "changed"
 * (named in `secretsChanged`) or "unchanged" like the other credentials, never a value.
 */
function secretHeaderRows(rows: ChangeRow[], proposed: Snapshot) {
  const replaced = secretsChanged(proposed)
    .filter((s) => s.startsWith("header:"))
    .map((s) => s.slice(7));
  for (const [i, r] of rows.entries()) {
    if (!r.field.startsWith("headers.") || (r.before !== MASK && r.after !== MASK)) continue;
    const changed = r.changed || replaced.includes(r.field.slice(8).toLowerCase());
    const state = (v: string) => (v === "—" ? "—" : "set");
    rows[i] = {
      field: r.field,
      label: `${r.label} (secret)`,
      kind: "secret",
      before: state(r.before),
      after: r.after === "—" ? "deleted" : r.before === "—" ? "set" : changed ? "changed" : "unchanged",
      changed,
    };
  }
}

/**
 * A change request as a field-by-field diff against the live configuration: every field, changed or not.
 * Creation compares with nothing, deletion with nothing after. Credentials read "changed"/"unchanged", never a value.
 */
export function diffChange({ action, live, proposed }: { action: ChangeAction; live: Snapshot | null; proposed: Snapshot }): ChangeRow[] {
  const before = action === "create" || !live ? new Map<string, unknown>() : flatten(live, "", new Map());
  const after = action === "delete" ? new Map<string, unknown>() : flatten(proposed, "", new Map());
  const rows: ChangeRow[] = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(field);
    const y = after.get(field);
    if (empty(x) && empty(y)) continue;
    const label = fieldLabel(field);
    const changed = !same(x, y);
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = ((x as unknown[] | undefined) ?? []).map(String);
      const ys = ((y as unknown[] | undefined) ?? []).map(String);
      const list = field === "eventTypes";
      rows.push({
        field,
        label,
        kind: list ? "list" : "value",
        before: formatConfigValue(x),
        after: formatConfigValue(y),
        changed,
        ...(list ? { added: ys.filter((t) => !xs.includes(t)), removed: xs.filter((t) => !ys.includes(t)) } : {}),
      });
    } else rows.push({ field, label, kind: "value", before: formatConfigValue(x), after: formatConfigValue(y), changed });
  }
  rows.push(...credentialRows(action, live, proposed));
  secretHeaderRows(rows, proposed);
  const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return rows.sort((p, q) => rank(p.field) - rank(q.field) || p.field.localeCompare(q.field));
}
