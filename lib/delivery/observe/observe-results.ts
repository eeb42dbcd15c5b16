import "server-only";
import type { Tx } from "@/lib/db/client";
import { eventTraceContext, tracer, tracingOn } from "@/lib/telemetry/tracer";
import type { DeliveryUpdate } from "../engine/outcome-policy";
import type { Outcome } from "../engine/send";
import { addToRollups } from "./rollups";

/**
 * What a recorded result batch adds to charts, metrics and traces: the rollup counters (in the batch's transaction,
 * so they count exactly what was committed; test deliveries excluded, as from the webhook's failure streak) and one
 * span per attempt (when tracing is on), back-dated to when it was sent, in the trace of its event.
 */
export async function observeResults(tx: Tx, outcomes: Outcome[], updates: DeliveryUpdate[]) {
  await addToRollups(
    tx,
    outcomes.flatMap((o, i) =>
      o.delivery.isTest
        ? []
        : [{ orgId: o.delivery.orgId, webhookId: o.webhook.id, startedAt: o.startedAt, durationMs: o.result.durationMs, outcome: updates[i].status }],
    ),
  );
  if (tracingOn()) outcomes.forEach((o, i) => recordAttemptSpan(o, updates[i]));
}

function recordAttemptSpan(o: Outcome, u: DeliveryUpdate) {
  const span = tracer().startSpan(
    "webhook.attempt",
    {
      startTime: o.startedAt,
      attributes: {
        "webhook.event_id": o.delivery.eventId,
        "webhook.delivery_id": o.delivery.id,
        "webhook.id": o.webhook.id,
        "webhook.attempt": u.attempts,
        "webhook.outcome": u.status,
        "webhook.is_test": o.delivery.isTest,
        ...(o.result.status ? { "http.response.status_code": o.result.status } : {}),
        ...(o.result.errorClass ? { "error.type": o.result.errorClass } : {}),
      },
    },
    eventTraceContext(o.delivery.orgId, o.delivery.eventId),
  );
  if (u.status !== "succeeded") span.setStatus({ code: 2, message: o.result.errorClass ?? `HTTP ${o.result.status}` });
  span.end(new Date(o.startedAt.getTime() + o.result.durationMs));
}
