import "server-only";
import { getDb } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import { recordAudit } from "../audit/record-audit";
import { assertCan, roleWithin, type Actor, type Role } from "../authz";
import { invalid } from "../errors";

/** A key holds at most its creator's roles: asking for more is refused, not silently trimmed. */
function assertWithinCreatorRoles(actor: Actor, roles: readonly Role[]) {
  const extra = roles.filter((r) => !roleWithin(r, actor.roles));
  if (extra.length) throw invalid([{ path: "roles", message: `You do not hold ${extra.join(", ")}: a key can only have roles its creator has.` }]);
}

export async function createApiKey({ actor, input }: { actor: Actor; input: CreateApiKeyInput }) {
  assertCan(actor, "api-keys.manage");
  assertWithinCreatorRoles(actor, input.roles);
  const key = randomToken("wck");
  const db = await getDb();
  const createdBy = actor.kind === "api_key" ? actor.label.replace(/^API key .* of /, "") : actor.label;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        orgId: actor.orgId,
        name: input.name,
        roles: input.roles,
        keyHash: sha256(key),
        prefix: key.slice(0, 8),
        createdBy,
        createdByUserId: actor.personId,
      })
      .returning();
    await recordAudit(
      { actor, orgId: actor.orgId, action: "api_key.created", target: { type: "api_key", id: row.id, label: row.name }, summary: { roles: row.roles } },
      tx,
    );
    return { ...row, key };
  });
}
