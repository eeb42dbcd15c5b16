import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { alertState, webhooks } from "@/lib/db/schema";
import type { Outcome } from "@/lib/delivery/engine/send";
import type { DeliveryUpdate } from "@/lib/delivery/engine/outcome-policy";
import type { OperationalEventType } from "@/lib/schemas/alerts";
import { emitAlert } from "./emit-alert";
import { addToDivertedDigest, oweRecovery, takeAlertSlot } from "./alert-state";

type Tally = { successes: number; failures: number; diverted: number; authToken: number; gone: boolean; wasDisabled: boolean };
type HookRow = Pick<
  typeof webhooks.$inferSelect,
  "id" | "orgId" | "name" | "url" | "kind" | "status" | "statusReason" | "suspendedAt" | "consecutiveFailures" | "failureHandling"
>;

/**
 * What a batch of results means for alerts, in the result batch's transaction (after the webhook effects):
 * failing (crossing half the suspension threshold), suspended, disabled, recovered, token failures, diverted digest.
 * `recoveryOwed`: the webhooks with an owed recovery alert, as the batch's results statement read them, so a healthy
 * batch costs no statement here.
 */
export async function emitDeliveryAlerts(tx: Tx, outcomes: Outcome[], updates: DeliveryUpdate[], now: number, recoveryOwed: ReadonlySet<string>) {
  const tallies = new Map<string, Tally>();
  outcomes.forEach((o, i) => {
    if (o.delivery.isTest) return;
    const t = tallies.get(o.webhook.id) ?? { successes: 0, failures: 0, diverted: 0, authToken: 0, gone: false, wasDisabled: o.webhook.status === "disabled" };
    const u = updates[i];
    if (u.webhookEffect === "success") t.successes++;
    else t.failures++;
    if (u.webhookEffect === "gone") t.gone = true;
    if (u.status === "diverted") t.diverted++;
    if (o.result.errorClass === "auth_token") t.authToken++;
    tallies.set(o.webhook.id, t);
  });
  if (tallies.size === 0) return;

  const healed = [...tallies].filter(([id, t]) => t.successes > 0 && recoveryOwed.has(id)).map(([id]) => id);
  if (healed.length) {
    const owed = await tx
      .update(alertState)
      .set({ active: false })
      .where(and(inArray(alertState.webhookId, healed), eq(alertState.alert, "webhook.recovered"), eq(alertState.active, true)))
      .returning({ webhookId: alertState.webhookId });
    for (const { webhookId } of owed) {
      const w = await hookRow(tx, webhookId);
      if (w && w.status === "active") await send(tx, w, "webhook.recovered", `${w.name} recovered`, `${w.name} answers successfully again.`, {});
    }
  }

  const troubled = [...tallies].filter(([, t]) => t.failures > 0).map(([id]) => id);
  if (troubled.length === 0) return;
  const rows = await tx.select(HOOK_COLUMNS).from(webhooks).where(inArray(webhooks.id, troubled));
  for (const w of rows) {
    const t = tallies.get(w.id)!;
    const threshold = w.failureHandling.suspendAfterFailures;
    const half = Math.ceil(threshold / 2);
    const before = w.consecutiveFailures - t.failures;
    const streak = { consecutiveFailures: w.consecutiveFailures, suspendAfterFailures: threshold };
    if (t.gone && !t.wasDisabled && w.status === "disabled") {
      await send(tx, w, "webhook.disabled", `${w.name} was disabled`, w.statusReason ?? "The receiver answered 410 Gone.", { reason: w.statusReason });
    } else if (w.status === "suspended" && w.suspendedAt?.getTime() === now) {
      if (
        await send(
          tx,
          w,
          "webhook.suspended",
          `${w.name} was suspended`,
          `${w.statusReason ?? "Suspended."} New events are diverted until someone unsuspends it.`,
          { reason: w.statusReason, ...streak },
        )
      )
        await oweRecovery(tx, w.orgId, w.id);
    } else if (w.status === "active" && threshold > 1 && before < half && w.consecutiveFailures >= half) {
      if (
        await send(
          tx,
          w,
          "webhook.failing",
          `${w.name} is failing`,
          `${w.consecutiveFailures} consecutive failed attempt${w.consecutiveFailures === 1 ? "" : "s"}; it will be suspended after ${threshold}.`,
          streak,
        )
      )
        await oweRecovery(tx, w.orgId, w.id);
    }
    if (t.authToken > 0) {
      await send(
        tx,
        w,
        "auth.token_failing",
        `${w.name}: OAuth token requests fail`,
        `The token endpoint refused or did not answer ${t.authToken} time${t.authToken === 1 ? "" : "s"}; deliveries cannot be authenticated.`,
        { failures: t.authToken },
      );
    }
    if (t.diverted > 0) {
      const count = await addToDivertedDigest(tx, { orgId: w.orgId, webhookId: w.id, count: t.diverted, now });
      if (count) await announceDiverted(tx, w, count);
    }
  }

  async function send(tx: Tx, w: HookRow, type: OperationalEventType, title: string, body: string, extra: Record<string, unknown>) {
    // The diverted digest took its slot already; every other alert takes its own here.
    if (type !== "deliveries.diverted" && type !== "webhook.recovered" && !(await takeAlertSlot(tx, { orgId: w.orgId, webhookId: w.id, alert: type, now })))
      return false;
    await emitAlert(tx, {
      orgId: w.orgId,
      type,
      title,
      body,
      link: webhookLink(w),
      data: { webhook: { id: w.id, name: w.name, url: w.url }, ...extra },
      exceptWebhookId: w.kind === "operational" ? w.id : undefined,
    });
    return true;
  }
}

export function webhookLink(w: Pick<HookRow, "id" | "kind">) {
  return w.kind === "operational" ? `/admin/alerts/${w.id}` : `/developer/webhooks/${w.id}`;
}

/** The hourly digest of diverted deliveries for one webhook. */
export async function announceDiverted(tx: Tx, w: HookRow, count: number) {
  await emitAlert(tx, {
    orgId: w.orgId,
    type: "deliveries.diverted",
    title: `${w.name}: ${count} deliver${count === 1 ? "y" : "ies"} diverted`,
    body: `${count} deliver${count === 1 ? "y was" : "ies were"} diverted (retries exhausted) since the last digest. Redeliver them from Diverted events.`,
    link: `/developer/diverted-events?webhookId=${w.id}`,
    data: { webhook: { id: w.id, name: w.name, url: w.url }, count },
    exceptWebhookId: w.kind === "operational" ? w.id : undefined,
  });
}

async function hookRow(tx: Tx, id: string): Promise<HookRow | undefined> {
  const [w] = await tx.select(HOOK_COLUMNS).from(webhooks).where(eq(webhooks.id, id));
  return w;
}

/** What an alert needs to know of a webhook: one list for the batch query and the single-row one. */
const HOOK_COLUMNS = {
  id: webhooks.id,
  orgId: webhooks.orgId,
  name: webhooks.name,
  url: webhooks.url,
  kind: webhooks.kind,
  status: webhooks.status,
  statusReason: webhooks.statusReason,
  suspendedAt: webhooks.suspendedAt,
  consecutiveFailures: webhooks.consecutiveFailures,
  failureHandling: webhooks.failureHandling,
};
