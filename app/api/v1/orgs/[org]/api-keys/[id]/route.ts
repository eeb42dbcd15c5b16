// DELETE /api/v1/orgs/{org}/api-keys/{id} — revoke a key
import { orgRoute } from "@/lib/http/route";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";
import { idParam } from "@/lib/schemas/common";
import { AppError } from "@/lib/server/errors";

export const DELETE = orgRoute({ permission: "api-keys.manage" }, async ({ actor, params }) => {
  if (!idParam.safeParse(params.id).success) throw new AppError("not_found", "No such API key.");
  await revokeApiKey({ actor, id: params.id });
});
