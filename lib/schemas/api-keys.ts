import { z } from "zod";
import { isoDate, rolesSchema } from "./common";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, "Name is required.").max(100, "At most 100 characters."),
    roles: rolesSchema,
  })
  .strict()
  .meta({ id: "CreateApiKey" });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    prefix: z.string().describe("The first characters of the key, to recognise it"),
    createdBy: z.string(),
    createdAt: isoDate,
    lastUsedAt: isoDate.nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The only response that carries the key in clear. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() }).meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
