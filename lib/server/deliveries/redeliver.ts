import "server-only";
import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { recordAudit } from "../audit/record-audit";
import { idParam } from "@/lib/schemas/common";
import { assertCan, can, type Actor, type Permission } from "../authz";
import { AppError, notFound } from "../errors";

/** Puts deliveries back in the queue with a fresh retry budget and the same webhook-id. Returns how many. */
async function requeue(actor: Actor, permission: Permission, where: SQL, audit: { action: string; label: string; summary?: Record<string, unknown> }) {
  assertCan(actor, permission);
  const db = await getDb();
  const count = await db.transaction(async (tx) => {
    const rows = await tx
      .update(deliveries)
      .set({
        status: "pending",
        nextAttemptAt: new Date(),
        retryBase: sql`${deliveries.attempts}`,
        divertedReason: null,
        divertedAt: null,
        leaseUntil: null,
        leasedBy: null,
        updatedAt: new Date(),
      })
      .where(and(eq(deliveries.orgId, actor.orgId), ne(deliveries.status, "sending"), where))
      .returning({ id: deliveries.id });
    if (rows.length)
      await recordAudit(
        {
          actor,
          orgId: actor.orgId,
          action: audit.action,
          target: { type: "delivery", label: audit.label },
          summary: { count: rows.length, ...audit.summary },
        },
        tx,
      );
    return rows.length;
  });
  if (count) wakeWorkers();
  return count;
}

/** Testers send test deliveries again; a production delivery is an admin's to send again (deliveries.redeliver). */
export async function redeliverDelivery({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "deliveries.redeliver-test");
  const db = await getDb();
  const [found] = idParam.safeParse(id).success
    ? await db
        .select({ isTest: deliveries.isTest })
        .from(deliveries)
        .where(and(eq(deliveries.id, id), eq(deliveries.orgId, actor.orgId)))
    : [];
  if (!found) throw notFound("No such delivery, or it is being sent right now.");
  if (!found.isTest && !can(actor, "deliveries.redeliver")) {
    throw new AppError(
      "forbidden",
      "Redelivering a production delivery needs the deliveries.redeliver permission (admins); testers redeliver test deliveries only.",
    );
  }
  const permission: Permission = found.isTest ? "deliveries.redeliver-test" : "deliveries.redeliver";
  const n = await requeue(actor, permission, and(eq(deliveries.id, id), eq(deliveries.isTest, found.isTest))!, { action: "delivery.redelivered", label: id });
  if (n === 0) throw notFound("No such delivery, or it is being sent right now.");
  return { redelivered: n };
}

export async function redeliverDiverted({ actor, ids, webhookId }: { actor: Actor; ids?: string[]; webhookId?: string }) {
  const scope = and(
    eq(deliveries.status, "diverted"),
    ids?.length ? inArray(deliveries.id, ids) : undefined,
    webhookId ? eq(deliveries.webhookId, webhookId) : undefined,
  )!;
  return {
    redelivered: await requeue(actor, "diverted.manage", scope, {
      action: "diverted.redelivered",
      label: webhookId ?? `${ids?.length ?? 0} deliveries`,
      summary: { webhookId },
    }),
  };
}

export async function deleteDiverted({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "diverted.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(deliveries)
      .where(and(eq(deliveries.id, id), eq(deliveries.orgId, actor.orgId), eq(deliveries.status, "diverted")))
      .returning({ id: deliveries.id, eventId: deliveries.eventId });
    if (!row) throw notFound("No such diverted delivery.");
    await recordAudit({ actor, orgId: actor.orgId, action: "diverted.deleted", target: { type: "delivery", id, label: row.eventId } }, tx);
  });
}
