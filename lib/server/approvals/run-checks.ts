import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests, webhooks } from "@/lib/db/schema";
import type { Checks } from "@/lib/schemas/approvals";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors";
import { can, type Actor } from "../authz";
import { openWebhookSecret } from "../webhooks/secrets";
import { targetPolicy } from "../webhooks/validate-webhook";
import { configOf } from "../webhooks/lock-webhook";
import { mergeWebhookPatch } from "../webhooks/merge-patch";
import { expireDue } from "./close-request";
import { notPending } from "./decide";
import { findRequest } from "./find-request";
import { probeTarget } from "./probe-target";
import { openProposedSecret } from "./secrets";
import { patchFromProposal } from "./apply-change";
import type { ChangeRequestRow } from "./view";

/** Runs the pre-approval checks on demand (reviewers and admins) and attaches the results to the request. */
export async function runChecks({ actor, id }: { actor: Actor; id: string }): Promise<ChangeRequestRow> {
  if (!can(actor, "changes.review") && !can(actor, "webhooks.write")) throw new AppError("forbidden", "Running checks needs the changes.review or webhooks.write permission.");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  const request = await findRequest(db, actor, id);
  if (request.status !== "pending") throw notPending(request.status);
  const [live] = request.webhookId ? await db.select().from(webhooks).where(and(eq(webhooks.id, request.webhookId), eq(webhooks.orgId, actor.orgId))) : [];

  let items: Checks["items"];
  if (request.action === "delete" || !live) {
    const detail = request.action === "delete" ? "Nothing to check: this request deletes the webhook." : "The webhook no longer exists.";
    items = (["url", "oauth_token", "ping"] as const).map((name) => ({ name, label: { url: "URL passes the SSRF rules", oauth_token: "OAuth token endpoint answers", ping: "Receiver answers a test ping" }[name], status: "skipped" as const, detail }));
  } else {
    const proposedSecret = request.proposedSecretsEnc ? openProposedSecret(request.id, request.proposedSecretsEnc) : undefined;
    const config = request.action === "create" ? configOf(live) : mergeWebhookPatch(configOf(live), patchFromProposal(request.proposed, proposedSecret)).next;
    items = await probeTarget(
      {
        url: config.url,
        auth: config.auth,
        headers: config.headers,
        authSecret: proposedSecret ?? openWebhookSecret(live.id, "auth", live.authSecretEnc),
        signingSecret: openWebhookSecret(live.id, "signing", live.signingSecretEnc),
      },
      targetPolicy(),
    );
  }
  const checks: Checks = { ranAt: new Date().toISOString(), ranBy: actor.label, items };
  const [row] = await db.update(changeRequests).set({ checks }).where(and(eq(changeRequests.id, id), eq(changeRequests.orgId, actor.orgId))).returning();
  const count = (s: string) => items.filter((i) => i.status === s).length;
  await recordAudit({ actor, orgId: actor.orgId, action: "change_request.checks_run", target: { type: "change_request", id, label: request.webhookName }, summary: { passed: count("passed"), failed: count("failed"), skipped: count("skipped") } });
  return row;
}
