import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getDbHandle, type Tx } from "@/lib/db/client";
import { deliveries, events } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { newId } from "@/lib/crypto/tokens";
import type { PublishEventInput } from "@/lib/schemas/delivery";
import { CHANNEL } from "@/lib/delivery/engine/wake";
import { eventTraceContext, inSpan } from "@/lib/telemetry/tracer";
import { countPublish } from "@/lib/telemetry/process-metrics";
import { assertCan, type Actor } from "../authz";
import { invalid, StaleGrantError } from "../errors";
import { commitInGroup } from "./group-commit";
import { keyOf } from "./insert-events";
import { takePublishToken } from "./publish-limit";

type Target = { id: string; version: number; status: string };

/** Outbox for one event with known targets (test events); publishing goes through insert-events.ts. */
export async function insertEventWithDeliveries(
  tx: Tx,
  {
    orgId,
    id,
    type,
    data,
    isTest,
    targets,
    source,
  }: { orgId: string; id: string; type: string; data: unknown; isTest: boolean; targets: Target[]; source?: string },
) {
  const inserted = await tx
    .insert(events)
    .values({ orgId, id, type, source: source ?? env().EVENT_SOURCE, data, isTest })
    .onConflictDoNothing()
    .returning({ id: events.id });
  if (inserted.length === 0) return { duplicate: true, deliveryIds: [] as string[] };
  if (targets.length === 0) return { duplicate: false, deliveryIds: [] };
  const rows = await tx
    .insert(deliveries)
    .values(
      targets.map((w) => ({
        orgId,
        eventId: id,
        webhookId: w.id,
        webhookVersion: w.version,
        isTest,
        ...(w.status === "suspended" ? { status: "diverted" as const, divertedReason: "suspended" as const, divertedAt: new Date() } : {}),
      })),
    )
    .returning({ id: deliveries.id });
  if ((await getDbHandle()).kind === "postgres") await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
  return { duplicate: false, deliveryIds: rows.map((r) => r.id) };
}

/** One event, committed together with whatever else is being published at the same moment (group-commit.ts). */
export async function publishEvent({ actor, input }: { actor: Actor; input: PublishEventInput }) {
  assertCan(actor, "events.publish");
  await takePublishToken(await getDb(), actor.orgId);
  const id = input.id ?? `evt_${newId().replaceAll("-", "")}`;
  // A span in the event's own trace (see eventTraceContext): its attempts, sent by any worker, join it there.
  const result = await inSpan(
    "webhook.publish",
    eventTraceContext(actor.orgId, id),
    { "webhook.event_id": id, "webhook.event_type": input.type },
    async (span) => {
      const committed = await commitInGroup({ orgId: actor.orgId, id, type: input.type, data: input.data, key: keyOf(actor) });
      span.setAttributes({
        "webhook.deliveries": committed.status === "accepted" ? committed.deliveries : 0,
        "webhook.duplicate": committed.status === "duplicate",
      });
      return committed;
    },
  );
  if (result.status === "invalid") throw invalid(result.errors);
  if (result.status === "stale") throw new StaleGrantError();
  if (result.status === "accepted") countPublish(actor.orgSlug);
  return { id, deliveries: result.status === "accepted" ? result.deliveries : 0, duplicate: result.status === "duplicate" };
}
