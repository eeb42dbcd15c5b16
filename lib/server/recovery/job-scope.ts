import "server-only";
import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { deliveries, events } from "@/lib/db/schema";
import type { RecoveryJobRow } from "./view";

/** The deliveries a job redelivers: failed or diverted (not tests, not in flight), in its range and event types. */
export function jobScope(job: Pick<RecoveryJobRow, "orgId" | "webhookId" | "scope" | "eventTypes" | "rangeFrom" | "rangeTo">): SQL {
  return and(
    eq(deliveries.orgId, job.orgId),
    eq(deliveries.isTest, false),
    job.webhookId ? eq(deliveries.webhookId, job.webhookId) : undefined,
    job.scope === "range" ? inArray(deliveries.status, ["failed", "diverted"]) : eq(deliveries.status, "diverted"),
    job.rangeFrom ? gte(deliveries.createdAt, job.rangeFrom) : undefined,
    job.rangeTo ? lt(deliveries.createdAt, job.rangeTo) : undefined,
    job.eventTypes?.length
      ? sql`exists (select 1 from ${events} where ${events.orgId} = ${deliveries.orgId} and ${events.id} = ${deliveries.eventId} and ${inArray(events.type, job.eventTypes)})`
      : undefined,
  )!;
}
