import "server-only";
import { getDb } from "@/lib/db/client";
import type { DeliveryStats, StatsRange } from "@/lib/schemas/stats";
import { assertCan, type Actor } from "../authz";
import { readBacklog, readRollups } from "./read-rollups";

/** A webhook's Overview tab: its deliveries over the range and its backlog (the caller has loaded the webhook, in scope). */
export async function getWebhookStats({
  actor,
  webhookId,
  range,
  now,
}: {
  actor: Actor;
  webhookId: string;
  range: StatsRange;
  now?: number;
}): Promise<DeliveryStats> {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const [{ series }, backlog] = await Promise.all([
    readRollups(db, { orgId: actor.orgId, webhookId, range, now }),
    readBacklog(db, { orgId: actor.orgId, webhookId }),
  ]);
  return { ...series, backlog };
}
