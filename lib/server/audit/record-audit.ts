import "server-only";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { Actor } from "../authz";

export type AuditInput = {
  actor: Pick<Actor, "kind" | "id" | "label"> | { kind: "anonymous"; id: null; label: string };
  orgId: string | null;
  action: string; // e.g. "webhook.created", "api_key.revoked", "permission.denied"
  target?: { type: string; id?: string | null; label?: string | null };
  summary?: Record<string, unknown>; // never a secret: callers pass masked values only
};

/** Append-only: there is no update or delete of audit entries anywhere in the code base. */
export async function recordAudit(input: AuditInput, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  await db.insert(auditLog).values({
    orgId: input.orgId,
    actorType: input.actor.kind,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    targetLabel: input.target?.label ?? null,
    summary: input.summary ?? {},
  });
}
