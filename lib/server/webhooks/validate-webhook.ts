import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { eventTypes, organizations, webhooks } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { checkTargetUrl, parseAllowedCidrs } from "@/lib/delivery/ssrf";
import { conflict, invalid, type FieldError } from "../errors";
import type { WebhookConfig } from "./merge-patch";

/** Where webhooks may point, from the deployment's configuration. */
export function targetPolicy() {
  const e = env();
  return { allowHttp: e.ALLOW_HTTP_TARGETS, allowedCidrs: parseAllowedCidrs(e.ALLOWED_TARGET_CIDRS) };
}

/** DESIGN §4 rules that need configuration or the catalog. Throws 422 with every problem at once. */
export async function assertValidConfig(tx: DbOrTx, orgId: string, config: WebhookConfig, { subscribed = [] as string[], errors = [] as FieldError[] } = {}) {
  const policy = targetPolicy();
  const problems = [...errors, ...checkTargetUrl(config.url, { ...policy, path: "url" })];
  if (config.auth.type === "oauth2") problems.push(...checkTargetUrl(config.auth.tokenUrl, { ...policy, path: "auth.tokenUrl" }));
  const known = await tx
    .select({ name: eventTypes.name, deprecated: eventTypes.deprecated })
    .from(eventTypes)
    .where(and(eq(eventTypes.orgId, orgId), inArray(eventTypes.name, config.eventTypes)));
  const byName = new Map(known.map((k) => [k.name, k]));
  config.eventTypes.forEach((name, i) => {
    const found = byName.get(name);
    if (!found) problems.push({ path: `eventTypes.${i}`, message: `“${name}” is not in this organization's event-type catalog.` });
    else if (found.deprecated && !subscribed.includes(name))
      problems.push({ path: `eventTypes.${i}`, message: `“${name}” is deprecated and cannot be newly subscribed.` });
  });
  const fieldProblems = problems.map((p) => ({ path: p.path ?? "", message: p.message }));
  if (fieldProblems.length) throw invalid(fieldProblems);
}

export async function assertNameFree(tx: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ name: webhooks.name })
    .from(webhooks)
    .where(and(eq(webhooks.orgId, orgId), sql`lower(${webhooks.name}) = lower(${name})`, exceptId ? ne(webhooks.id, exceptId) : undefined));
  if (taken)
    throw conflict("A webhook with this name already exists.", [
      { path: "name", message: `“${taken.name}” already exists. Names are unique in the organization, ignoring case.` },
    ]);
}

/** At most `maxActiveWebhooks` enabled webhooks per org; the org row lock serialises concurrent saves. */
export async function assertActiveCapacity(tx: DbOrTx, orgId: string, exceptId?: string) {
  const [org] = await tx.select({ max: organizations.maxActiveWebhooks }).from(organizations).where(eq(organizations.id, orgId)).for("update");
  const [{ active }] = await tx
    .select({ active: sql<number>`count(*)::int` })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.orgId, orgId),
        eq(webhooks.kind, "endpoint"),
        inArray(webhooks.status, ["active", "suspended"]),
        exceptId ? ne(webhooks.id, exceptId) : undefined,
      ),
    );
  if (active >= org.max) {
    throw conflict(
      `This organization already has ${active} active webhooks, the limit is ${org.max}. Disable or delete one first, or save this one disabled.`,
      [{ path: "enabled", message: `The limit of ${org.max} active webhooks is reached.` }],
    );
  }
}

/** Maps the unique-name index violation (a race the pre-check lost) to the same 409. */
export function isNameConflict(err: unknown) {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e?.cause ?? e;
  return c?.code === "23505" && (c.constraint === undefined || c.constraint === "webhooks_org_name_idx");
}
