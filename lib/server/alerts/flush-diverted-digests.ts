import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertState, webhooks } from "@/lib/db/schema";
import { COOL_DOWN_MS, takeAlertSlot } from "./alert-state";
import { announceDiverted } from "./delivery-alerts";

/** Diversions that arrived during a digest's hour go out once the hour is over (no later diversion needed). */
export async function flushDivertedDigests(db: Db, now = Date.now()) {
  const cutoff = new Date(now - COOL_DOWN_MS["deliveries.diverted"]);
  const due = await db
    .select({ webhookId: alertState.webhookId })
    .from(alertState)
    .where(and(eq(alertState.alert, "deliveries.diverted"), gt(alertState.pendingCount, 0), lt(alertState.lastSentAt, cutoff)))
    .limit(100);
  for (const { webhookId } of due) {
    await db.transaction(async (tx) => {
      const [state] = await tx
        .select({ pending: alertState.pendingCount })
        .from(alertState)
        .where(and(eq(alertState.webhookId, webhookId), eq(alertState.alert, "deliveries.diverted")))
        .for("update");
      const [w] = await tx.select().from(webhooks).where(eq(webhooks.id, webhookId));
      if (!state?.pending || !w || !(await takeAlertSlot(tx, { orgId: w.orgId, webhookId, alert: "deliveries.diverted", now }))) return;
      await announceDiverted(tx, w, state.pending);
    });
  }
  return due.length;
}
