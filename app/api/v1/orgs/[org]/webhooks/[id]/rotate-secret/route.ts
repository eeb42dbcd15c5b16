// POST /api/v1/orgs/{org}/webhooks/{id}/rotate-secret — a new signing secret, shown once; the old one signs alongside for 24 h
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { rotatedSecretSchema } from "@/lib/schemas/webhooks";
import { rotateSigningSecret } from "@/lib/server/webhooks/rotate-secret";

export const POST = orgRoute({ permission: "webhooks.write" }, async ({ actor, params }) =>
  rotatedSecretSchema.parse(await rotateSigningSecret({ actor, id: pathId(params.id, "webhook") })),
);
