import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import { newId, randomToken } from "@/lib/crypto/tokens";
import { generateSigningSecret } from "@/lib/delivery/sign";
import { checkTargetUrl } from "@/lib/delivery/ssrf";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { DEFAULT_FAILURE_HANDLING } from "@/lib/schemas/webhook-fields";
import { OPERATIONAL_SOURCE, type AlertEndpointInput, type AlertEndpointView } from "@/lib/schemas/alerts";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { invalid, notFound } from "../errors";
import { insertEventWithDeliveries } from "../events/publish-event";
import { sealWebhookSecret } from "../webhooks/secrets";
import { assertNameFree, targetPolicy } from "../webhooks/validate-webhook";

const view = (w: typeof webhooks.$inferSelect): AlertEndpointView => ({
  id: w.id,
  name: w.name,
  url: w.url,
  eventTypes: w.eventTypes,
  status: w.status,
  createdAt: w.createdAt.toISOString(),
});
const ofOrg = (actor: Actor, id?: string) => and(eq(webhooks.orgId, actor.orgId), eq(webhooks.kind, "operational"), id ? eq(webhooks.id, id) : undefined);

/**
 * An operational endpoint is a webhook of kind "operational": the same engine signs, rate-limits and retries it;
 * it is outside the Developer list, the catalog and the active-webhook limit. Its signing secret is shown once.
 */
export async function createAlertEndpoint({ actor, input }: { actor: Actor; input: AlertEndpointInput }) {
  assertCan(actor, "settings.write");
  const problems = checkTargetUrl(input.url, { ...targetPolicy(), path: "url" });
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path ?? "url", message: p.message })));
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    const id = newId();
    const signingSecret = generateSigningSecret();
    const [row] = await tx
      .insert(webhooks)
      .values({
        id,
        orgId: actor.orgId,
        kind: "operational",
        name: input.name,
        url: input.url,
        auth: { type: "api_key", header: "x-alert-key" },
        authSecretEnc: sealWebhookSecret(id, "auth", randomToken("whk", 24)),
        signingSecretEnc: sealWebhookSecret(id, "signing", signingSecret),
        eventTypes: [...new Set(input.eventTypes)],
        failureHandling: { ...DEFAULT_FAILURE_HANDLING },
        payloadMode: "full", // an alert is only useful with its details
        status: "active",
        createdBy: actor.label,
      })
      .returning();
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "alert_endpoint.created",
        target: { type: "webhook", id, label: row.name },
        summary: { url: row.url, eventTypes: row.eventTypes },
      },
      tx,
    );
    return { endpoint: view(row), signingSecret };
  });
}

export async function listAlertEndpoints({ actor }: { actor: Actor }) {
  assertCan(actor, "settings.read");
  const db = await getDb();
  return (await db.select().from(webhooks).where(ofOrg(actor)).orderBy(desc(webhooks.createdAt))).map(view);
}

export async function getAlertEndpoint({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "settings.read");
  const db = await getDb();
  const [row] = await db.select().from(webhooks).where(ofOrg(actor, id));
  if (!row) throw notFound("No such alert endpoint.");
  return view(row);
}

export async function deleteAlertEndpoint({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "settings.write");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(webhooks).where(ofOrg(actor, id)).returning({ name: webhooks.name });
    if (!gone) throw notFound("No such alert endpoint.");
    await recordAudit({ actor, orgId: actor.orgId, action: "alert_endpoint.deleted", target: { type: "webhook", id, label: gone.name } }, tx);
  });
}

/** Send Test Event: a `webhook.suspended` example marked is_test, through the engine like any alert. */
export async function sendAlertTest({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "settings.write");
  const db = await getDb();
  const eventId = `evt_test_${newId().replaceAll("-", "")}`;
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(webhooks).where(ofOrg(actor, id));
    if (!row) throw notFound("No such alert endpoint.");
    const data = {
      webhook: { id: "00000000-0000-4000-8000-000000000000", name: "Example webhook", url: "https://example.com/webhooks" },
      reason: "Suspended automatically after 50 consecutive failed attempts.",
      consecutiveFailures: 50,
      suspendAfterFailures: 50,
    };
    await insertEventWithDeliveries(tx, {
      orgId: actor.orgId,
      id: eventId,
      type: "webhook.suspended",
      data,
      isTest: true,
      targets: [{ id: row.id, version: row.version, status: "active" }],
      source: OPERATIONAL_SOURCE,
    });
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "webhook.test_sent",
        target: { type: "webhook", id, label: row.name },
        summary: { eventType: "webhook.suspended", eventId },
      },
      tx,
    );
  });
  wakeWorkers();
  return { eventId };
}
