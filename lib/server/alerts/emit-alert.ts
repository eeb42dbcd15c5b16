import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { mailOutbox, memberships, notificationPreferences, notifications, users, webhooks } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { newId } from "@/lib/crypto/tokens";
import { OPERATIONAL_SOURCE, type OperationalEventType } from "@/lib/schemas/alerts";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { insertEventWithDeliveries } from "../events/publish-event";

export type Alert = {
  orgId: string;
  type: OperationalEventType;
  title: string;
  body: string;
  /** Where the notification leads in the console (the webhook or the change request). */
  link: string;
  /** The operational event's `data`. */
  data: Record<string, unknown>;
  /** Who is told in-app and by e-mail; default: the org's admins. */
  recipients?: { roles: string[] } | { userIds: string[] };
  /** The person who caused it is not told about it (the requester of a change request). */
  exceptUserId?: string;
  /** An operational endpoint's own trouble is not sent to itself (no feedback loop). */
  exceptWebhookId?: string;
};

/**
 * The one place an operational event goes out (DESIGN §10), inside the caller's transaction: an in-app notification
 * per recipient, an e-mail in the outbox for those who want it (SMTP_URL set), and an event delivered by the engine
 * to the org's operational webhooks subscribed to the type. Storm control is the caller's (see alert-state.ts).
 */
export async function emitAlert(tx: Tx, alert: Alert) {
  const people = await recipientsOf(tx, alert);
  if (people.length) {
    await tx
      .insert(notifications)
      .values(people.map((p) => ({ orgId: alert.orgId, userId: p.id, type: alert.type, title: alert.title, body: alert.body, link: alert.link })));
    const smtp = env().SMTP_URL;
    const wantMail = people.filter((p) => (p.emailEnabled ?? true) && !(p.mutedTypes ?? []).includes(alert.type));
    if (smtp && wantMail.length) {
      const url = env().AUTH_URL ? new URL(alert.link, env().AUTH_URL).toString() : alert.link;
      await tx.insert(mailOutbox).values(
        wantMail.map((p) => ({
          orgId: alert.orgId,
          toAddress: p.email,
          subject: `[Webhook Console] ${alert.title}`,
          textBody: `${alert.body}\n\n${url}\n\nChange which alerts you receive by e-mail on your profile page.`,
        })),
      );
    }
  }
  const targets = await tx
    .select({ id: webhooks.id, version: webhooks.version, status: webhooks.status })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.orgId, alert.orgId),
        eq(webhooks.kind, "operational"),
        inArray(webhooks.status, ["active", "suspended"]),
        sql`${webhooks.eventTypes} @> array[${alert.type}]::text[]`,
        alert.exceptWebhookId ? ne(webhooks.id, alert.exceptWebhookId) : undefined,
      ),
    );
  if (targets.length) {
    const id = `evt_${newId().replaceAll("-", "")}`;
    await insertEventWithDeliveries(tx, { orgId: alert.orgId, id, type: alert.type, data: alert.data, isTest: false, targets, source: OPERATIONAL_SOURCE });
    // In-process workers: the claim runs after this transaction commits or at the next poll.
    setTimeout(wakeWorkers, 10);
  }
}

async function recipientsOf(tx: Tx, alert: Alert) {
  const who = alert.recipients ?? { roles: ["admin"] };
  const filter =
    "roles" in who
      ? sql`${memberships.roles} && array[${sql.join(
          who.roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`
      : who.userIds.length
        ? sql`${memberships.userId}::text in (${sql.join(
            who.userIds.map((u) => sql`${u}`),
            sql`, `,
          )})`
        : sql`false`;
  return tx
    .select({ id: users.id, email: users.email, emailEnabled: notificationPreferences.emailEnabled, mutedTypes: notificationPreferences.mutedTypes })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, memberships.userId), eq(notificationPreferences.orgId, memberships.orgId)))
    .where(and(eq(memberships.orgId, alert.orgId), filter, alert.exceptUserId ? sql`${memberships.userId}::text <> ${alert.exceptUserId}` : undefined));
}
