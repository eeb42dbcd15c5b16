import "server-only";
import { getDb } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type Actor } from "../authz";

export async function createApiKey({ actor, input }: { actor: Actor; input: CreateApiKeyInput }) {
  assertCan(actor, "api-keys.manage");
  const key = randomToken("wck");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ orgId: actor.orgId, name: input.name, roles: input.roles, keyHash: sha256(key), prefix: key.slice(0, 8), createdBy: actor.label })
      .returning();
    await recordAudit(
      { actor, orgId: actor.orgId, action: "api_key.created", target: { type: "api_key", id: row.id, label: row.name }, summary: { roles: row.roles } },
      tx,
    );
    return { ...row, key };
  });
}
