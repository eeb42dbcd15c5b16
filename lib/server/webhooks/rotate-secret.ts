import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { webhooks } from "@/lib/db/schema";
import { generateSigningSecret } from "@/lib/delivery/sign";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";
import { sealWebhookSecret, openWebhookSecret } from "./secrets";
import { recordVersion } from "./record-version";
import { lockWebhook } from "./lock-webhook";

export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A new signing secret, shown once; the previous one keeps signing alongside it for 24 hours. */
export async function rotateSigningSecret({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "webhooks.write");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockWebhook(tx, actor, id);
    const signingSecret = generateSigningSecret();
    const previousSecretExpiresAt = new Date(Date.now() + ROTATION_OVERLAP_MS);
    const previous = openWebhookSecret(id, "signing", row.signingSecretEnc);
    const [updated] = await tx
      .update(webhooks)
      .set({
        signingSecretEnc: sealWebhookSecret(id, "signing", signingSecret),
        previousSigningSecretEnc: sealWebhookSecret(id, "signing_prev", previous),
        previousSecretExpiresAt,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(webhooks.id, id))
      .returning();
    await recordVersion(tx, actor, updated, [], ["signingSecret"]);
    await recordAudit(
      {
        actor,
        orgId: actor.orgId,
        action: "webhook.secret_rotated",
        target: { type: "webhook", id, label: row.name },
        summary: { version: updated.version, previousValidUntil: previousSecretExpiresAt.toISOString() },
      },
      tx,
    );
    return { signingSecret, previousSecretExpiresAt };
  });
}
