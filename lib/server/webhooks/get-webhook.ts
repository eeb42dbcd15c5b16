import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests, webhooks } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { notFound } from "../errors";
import { toWebhookView } from "./view";
import { countBacklog } from "./pause-webhook";

export async function getWebhook({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "webhooks.read");
  const db = await getDb();
  const [found] = await db
    .select({ row: webhooks, pending: changeRequests.id })
    .from(webhooks)
    .leftJoin(changeRequests, and(eq(changeRequests.webhookId, webhooks.id), eq(changeRequests.status, "pending")))
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, actor.orgId)));
  if (!found) throw notFound("No such webhook.");
  // The backlog only matters (and is only counted) while the webhook is paused.
  return toWebhookView(found.row, found.pending, found.row.pausedAt ? await countBacklog(db, id) : null);
}
