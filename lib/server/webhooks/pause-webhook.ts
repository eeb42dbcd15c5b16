import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliveries, webhooks } from "@/lib/db/schema";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { conflict } from "../errors";
import { lockWebhook } from "./lock-webhook";

/**
 * Pause: new events keep queueing for the webhook (not diverted) and the claim skips it; resume lets the backlog
 * drain in publication order at the webhook's rate limit (the ordinary claim does both).
 */
export async function setWebhookPaused({ actor, id, paused }: { actor: Actor; id: string; paused: boolean }) {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const current = await lockWebhook(tx, actor, id);
    if (paused && current.pausedAt) throw conflict("This webhook is already paused.");
    if (!paused && !current.pausedAt) throw conflict("This webhook is not paused.");
    const [updated] = await tx
      .update(webhooks)
      .set({ pausedAt: paused ? new Date() : null, updatedAt: new Date() })
      .where(eq(webhooks.id, id))
      .returning();
    const backlog = await countBacklog(tx, id);
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: paused ? "webhook.paused" : "webhook.resumed",
        target: { type: "webhook", id, label: current.name },
        summary: { backlog },
      },
      tx,
    );
    return updated;
  });
  if (!paused) wakeWorkers();
  return row;
}

/** Deliveries waiting to be sent (the paused webhook's queue). */
export async function countBacklog(db: Pick<Awaited<ReturnType<typeof getDb>>, "select">, webhookId: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(deliveries)
    .where(and(eq(deliveries.webhookId, webhookId), inArray(deliveries.status, ["pending", "failed", "sending"])));
  return n;
}
