import "server-only";
import { getDbHandle } from "@/lib/db/client";
import { newId } from "@/lib/crypto/tokens";
import { publishEventSchema, type PublishBatchItemResult, type PublishBatchResult } from "@/lib/schemas/delivery";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { assertCan, type Actor } from "../authz";
import { fromZodIssues, StaleGrantError } from "../errors";
import { insertEvents, keyOf, type PendingEvent } from "./insert-events";
import { takePublishToken } from "./publish-limit";

/**
 * POST /events/batch: up to 500 events in one statement, each idempotent by its id. Every item gets its own
 * result (accepted, duplicate, or invalid with field errors); an invalid item writes nothing and does not stop
 * the others.
 */
export async function publishEvents({ actor, items }: { actor: Actor; items: unknown[] }): Promise<PublishBatchResult> {
  assertCan(actor, "events.publish");
  const results: PublishBatchItemResult[] = new Array<PublishBatchItemResult>(items.length);
  const pending: { index: number; event: PendingEvent }[] = [];
  items.forEach((raw, index) => {
    const parsed = publishEventSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : null;
      results[index] = { index, id, status: "invalid", errors: fromZodIssues(parsed.error.issues) };
      return;
    }
    const { id = `evt_${newId().replaceAll("-", "")}`, type, data } = parsed.data;
    pending.push({ index, event: { orgId: actor.orgId, id, type, data, key: keyOf(actor) } });
  });
  if (pending.length) {
    const handle = await getDbHandle();
    await takePublishToken(handle.db, actor.orgId, Date.now(), pending.length); // the org's publish limit (429 + Retry-After)
    const stored = await insertEvents(
      handle,
      pending.map((p) => p.event),
    );
    // Every item carries the same key: all are stale or none is, and a stale one stored nothing.
    if (stored.some((r) => r.status === "stale")) throw new StaleGrantError();
    pending.forEach(({ index, event }, i) => {
      const r = stored[i];
      results[index] =
        r.status === "accepted"
          ? { index, id: event.id, status: "accepted", deliveries: r.deliveries }
          : r.status === "invalid"
            ? { index, id: event.id, status: "invalid", errors: r.errors }
            : { index, id: event.id, status: "duplicate" };
    });
    if (stored.some((r) => r.status === "accepted")) wakeWorkers();
  }
  const count = (status: PublishBatchItemResult["status"]) => results.filter((r) => r.status === status).length;
  return { accepted: count("accepted"), duplicates: count("duplicate"), invalid: count("invalid"), results };
}
