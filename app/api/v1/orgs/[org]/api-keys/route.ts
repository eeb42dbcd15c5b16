// GET, POST /api/v1/orgs/{org}/api-keys — list keys (never the key itself), create one (the key shown once)
import { orgRoute } from "@/lib/http/route";
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from "@/lib/schemas/api-keys";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";

export const GET = orgRoute({ permission: "api-keys.manage" }, async ({ actor }) => ({
  items: (await listApiKeys({ actor })).map((k) => apiKeySchema.parse(k)),
}));

export const POST = orgRoute({ permission: "api-keys.manage", body: createApiKeySchema, status: 201 }, async ({ actor, body }) =>
  createdApiKeySchema.parse(await createApiKey({ actor, input: body })),
);
