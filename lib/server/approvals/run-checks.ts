import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { changeRequests, webhooks } from "@/lib/db/schema";
import type { Checks } from "@/lib/schemas/approvals";
import { recordAudit } from "../audit/record-audit";
import type { AuthConfig } from "@/lib/db/schema";
import { conflict } from "../errors";
import { assertCan, type Actor } from "../authz";
import type { WebhookRow } from "../webhooks/view";
import { openWebhookSecret } from "../webhooks/secrets";
import { targetPolicy } from "../webhooks/validate-webhook";
import { configOf } from "../webhooks/lock-webhook";
import { mergeWebhookPatch } from "../webhooks/merge-patch";
import { expireDue } from "./close-request";
import { assertNotRequester, notPending } from "./decide";
import { findRequest } from "./find-request";
import { probeTarget } from "./probe-target";
import { openProposedSecret } from "./secrets";
import { patchFromProposal } from "./apply-change";
import type { ChangeRequestRow } from "./view";

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * The live credential may travel only to the origins it is bound to: the live URL and the live token URL. A proposal
 * that moves either carries only a credential entered in the request itself, or none (DESIGN §7).
 */
function credentialFor(live: WebhookRow, next: { url: string; auth: AuthConfig }, proposedSecret: string | undefined): string {
  if (proposedSecret !== undefined) return proposedSecret;
  const liveAuth = live.auth;
  const moved =
    originOf(next.url) !== originOf(live.url) ||
    next.auth.type !== liveAuth.type ||
    (next.auth.type === "oauth2" && liveAuth.type === "oauth2" && originOf(next.auth.tokenUrl) !== originOf(liveAuth.tokenUrl));
  return moved ? "" : openWebhookSecret(live.id, "auth", live.authSecretEnc);
}

/**
 * Runs the pre-approval checks on demand and attaches the results to the request. Only reviewers run them, never
 * the requester: the checks send a signed ping, and the requester must not aim the console's credentials.
 */
export async function runChecks({ actor, id }: { actor: Actor; id: string }): Promise<ChangeRequestRow> {
  assertCan(actor, "changes.review");
  const db = await getDb();
  await expireDue(db, actor.orgId);
  const request = await findRequest(db, actor, id);
  assertNotRequester(actor, request);
  if (request.status !== "pending") throw notPending(request.status);
  if (request.targetKind !== "webhook") throw conflict("Pre-approval checks are for webhook changes: this request has no target to probe.");
  const [live] = request.webhookId
    ? await db
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.id, request.webhookId), eq(webhooks.orgId, actor.orgId)))
    : [];

  let items: Checks["items"];
  if (request.action === "delete" || !live) {
    const detail = request.action === "delete" ? "Nothing to check: this request deletes the webhook." : "The webhook no longer exists.";
    items = (["url", "oauth_token", "ping"] as const).map((name) => ({
      name,
      label: { url: "URL passes the SSRF rules", oauth_token: "OAuth token endpoint answers", ping: "Receiver answers a test ping" }[name],
      status: "skipped" as const,
      detail,
    }));
  } else {
    const proposedSecret = request.proposedSecretsEnc ? openProposedSecret(request.id, request.proposedSecretsEnc) : undefined;
    const config =
      request.action === "create"
        ? configOf(live)
        : mergeWebhookPatch(configOf(live), patchFromProposal(request.proposed, proposedSecret), Object.keys(live.secretHeaders)).next;
    items = await probeTarget(
      {
        url: config.url,
        auth: config.auth,
        headers: config.headers,
        authSecret: credentialFor(live, config, proposedSecret),
        signingSecret: openWebhookSecret(live.id, "signing", live.signingSecretEnc),
      },
      targetPolicy(),
    );
  }
  const checks: Checks = { ranAt: new Date().toISOString(), ranBy: actor.label, items };
  const [row] = await db
    .update(changeRequests)
    .set({ checks })
    .where(and(eq(changeRequests.id, id), eq(changeRequests.orgId, actor.orgId)))
    .returning();
  const count = (s: string) => items.filter((i) => i.status === s).length;
  await recordAudit({
    actor,
    orgId: actor.orgId,
    action: "change_request.checks_run",
    target: { type: "change_request", id, label: request.webhookName },
    summary: { passed: count("passed"), failed: count("failed"), skipped: count("skipped") },
  });
  return row;
}
