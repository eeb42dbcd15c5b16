import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { events, webhooks } from "@/lib/db/schema";
import { openSecretHeaders, openWebhookSecret } from "@/lib/server/webhooks/secrets";
import type { ClaimedDelivery } from "./claim";
import type { EventRecord } from "./request";

/**
 * A webhook ready to send: `headers` carries the secret custom headers' real values (the row holds "*****"),
 * `secretHeaderNames` (lower-cased) says which to redact in the attempt log, `secretHeaderValues` what to scrub.
 */
export type WebhookTarget = typeof webhooks.$inferSelect & {
  authSecret: string;
  signingSecrets: string[];
  secretHeaderNames: string[];
  secretHeaderValues: string[];
};

type Opened = { authSecret: string; signingSecrets: string[]; secretHeaders: Record<string, string[]> };

// Decrypting is cheap but not free: keep opened credentials per webhook version (and rotation window).
const secretCache = new Map<string, Opened>();

function openSecrets(w: typeof webhooks.$inferSelect, now: number) {
  const overlap = w.previousSigningSecretEnc && w.previousSecretExpiresAt && w.previousSecretExpiresAt.getTime() > now;
  const key = `${w.id}:${w.version}:${overlap ? 1 : 0}`;
  let secrets = secretCache.get(key);
  if (!secrets) {
    if (secretCache.size > 5_000) secretCache.clear();
    secrets = {
      authSecret: openWebhookSecret(w.id, "auth", w.authSecretEnc),
      signingSecrets: [
        openWebhookSecret(w.id, "signing", w.signingSecretEnc),
        ...(overlap ? [openWebhookSecret(w.id, "signing_prev", w.previousSigningSecretEnc!)] : []),
      ],
      secretHeaders: openSecretHeaders(w.id, w.secretHeaders ?? {}),
    };
    secretCache.set(key, secrets);
  }
  return secrets;
}

function toTarget(w: typeof webhooks.$inferSelect, now: number): WebhookTarget {
  const { authSecret, signingSecrets, secretHeaders } = openSecrets(w, now);
  const headers = Object.fromEntries(Object.entries(w.headers).map(([name, values]) => [name, secretHeaders[name.toLowerCase()] ?? values]));
  return { ...w, headers, authSecret, signingSecrets, secretHeaderNames: Object.keys(secretHeaders), secretHeaderValues: Object.values(secretHeaders).flat() };
}

/** Everything a batch needs to send, loaded in two concurrent queries (fixed text, array parameters). */
export async function loadContext(db: Db, claimed: ClaimedDelivery[], now = Date.now()) {
  const pairs = [...new Map(claimed.map((c) => [`${c.orgId}/${c.eventId}`, c])).values()];
  const [hookRows, eventRows] = await Promise.all([
    db
      .select()
      .from(webhooks)
      .where(sql`${webhooks.id} = any(${sql.param([...new Set(claimed.map((c) => c.webhookId))])}::uuid[])`),
    db
      .select()
      .from(events)
      .where(
        sql`(${events.orgId}, ${events.id}) in (select * from unnest(${sql.param(pairs.map((c) => c.orgId))}::uuid[], ${sql.param(pairs.map((c) => c.eventId))}::text[]))`,
      ),
  ]);
  const hooks = new Map<string, WebhookTarget>(hookRows.map((w) => [w.id, toTarget(w, now)]));
  const evs = new Map<string, EventRecord>(eventRows.map((e) => [`${e.orgId}/${e.id}`, e]));
  return { hooks, events: evs };
}
