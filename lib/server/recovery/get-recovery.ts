import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { recoveryJobs } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";
import { toRecoveryJobView } from "./view";

export async function getRecovery({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const [job] = await db
    .select()
    .from(recoveryJobs)
    .where(and(eq(recoveryJobs.id, id), eq(recoveryJobs.orgId, actor.orgId)));
  if (!job) throw notFound("No such recovery job.");
  return toRecoveryJobView(job);
}

/** Newest first, optionally of one webhook (the webhook page shows its latest). */
export async function listRecoveries({ actor, webhookId, count = 20 }: { actor: Actor; webhookId?: string; count?: number }) {
  assertCan(actor, "deliveries.read");
  const db = await getDb();
  const where: SQL[] = [eq(recoveryJobs.orgId, actor.orgId)];
  if (webhookId) where.push(eq(recoveryJobs.webhookId, webhookId));
  const rows = await db
    .select()
    .from(recoveryJobs)
    .where(and(...where))
    .orderBy(desc(recoveryJobs.createdAt))
    .limit(count);
  return rows.map(toRecoveryJobView);
}
