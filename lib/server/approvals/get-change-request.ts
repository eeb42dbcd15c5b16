import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { webhooks, webhookVersions } from "@/lib/db/schema";
import type { ChangeRequestDetail } from "@/lib/schemas/approvals";
import { diffChange } from "@/lib/format/change-diff";
import { assertCan, type Actor } from "../authz";
import { configSnapshot } from "../webhooks/view";
import { expireDue } from "./close-request";
import { findRequest } from "./find-request";
import { governanceDiff } from "./governance-diff";
import { toChangeRequestView, type ChangeRequestRow } from "./view";

async function versionConfig(db: Db, request: ChangeRequestRow) {
  if (!request.webhookId || request.baseVersion === null) return null;
  const [v] = await db
    .select({ config: webhookVersions.config })
    .from(webhookVersions)
    .where(and(eq(webhookVersions.webhookId, request.webhookId), eq(webhookVersions.orgId, request.orgId), eq(webhookVersions.version, request.baseVersion)));
  return v?.config ?? null;
}

/**
 * One request with the live configuration and the field-by-field diff; never a credential. A pending request is
 * compared with the live webhook; a decided one with the version it was made against (the webhook has moved on).
 */
export async function getChangeRequest({ actor, id }: { actor: Actor; id: string }): Promise<ChangeRequestDetail> {
  assertCan(actor, "changes.read");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  const request = await findRequest(db, actor, id);
  if (request.targetKind !== "webhook") return { ...toChangeRequestView(request), liveVersion: null, ...(await governanceDiff(db, request)) };
  const [live] = request.webhookId
    ? await db
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.id, request.webhookId), eq(webhooks.orgId, actor.orgId)))
    : [];
  const liveConfig = live && request.action !== "create" ? configSnapshot(live) : null;
  let before: Record<string, unknown> | null = null;
  if (request.action !== "create") {
    before = request.status === "pending" ? liveConfig : await versionConfig(db, request);
    if (!before && request.action === "delete") before = request.proposed;
  }
  return {
    ...toChangeRequestView(request),
    live: liveConfig,
    liveVersion: live?.version ?? null,
    changes: diffChange({ action: request.action, live: before, proposed: request.proposed }),
  };
}
