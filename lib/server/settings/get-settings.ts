import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import type { OrgSettings } from "@/lib/schemas/settings";
import { assertCan, type Actor } from "../authz";

export async function readOrgSettings(db: DbOrTx, orgId: string): Promise<OrgSettings> {
  const [org] = await db
    .select({
      approvals: organizations.approvals,
      approvalExpiryDays: organizations.approvalExpiryDays,
      maxActiveWebhooks: organizations.maxActiveWebhooks,
      publishLimit: organizations.publishLimit,
      retentionDays: organizations.retentionDays,
      auditRetentionDays: organizations.auditRetentionDays,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const a = org.approvals;
  return {
    approvals: { create: Boolean(a?.create), update: Boolean(a?.update), delete: Boolean(a?.delete) },
    approvalExpiryDays: org.approvalExpiryDays,
    maxActiveWebhooks: org.maxActiveWebhooks,
    publishLimit: org.publishLimit,
    retentionDays: org.retentionDays,
    auditRetentionDays: org.auditRetentionDays,
  };
}

export async function getSettings({ actor }: { actor: Actor }): Promise<OrgSettings> {
  assertCan(actor, "settings.read");
  return readOrgSettings(await getDb(), actor.orgId);
}
