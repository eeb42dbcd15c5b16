import { z } from "zod";
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from "@/lib/schemas/api-keys";
import { inviteMemberSchema, invitedMemberSchema, memberSchema, updateMemberSchema } from "@/lib/schemas/members";
import { auditEntrySchema, auditQuerySchema } from "@/lib/schemas/audit";
import { pageOf } from "@/lib/schemas/common";
import type { Operation } from "./types";

export const foundationOperations: Operation[] = [
  { method: "get", path: "/api-keys", summary: "List API keys (never the key)", tag: "API keys", permission: "api-keys.manage", responses: { 200: { description: "Keys", schema: z.object({ items: z.array(apiKeySchema) }) } } },
  { method: "post", path: "/api-keys", summary: "Create an API key; the key is in this response only", tag: "API keys", permission: "api-keys.manage", body: createApiKeySchema, responses: { 201: { description: "Created", schema: createdApiKeySchema } } },
  { method: "delete", path: "/api-keys/{id}", summary: "Revoke an API key", tag: "API keys", permission: "api-keys.manage", responses: { 204: { description: "Revoked" } } },
  { method: "get", path: "/members", summary: "List members", tag: "Members", permission: "members.read", responses: { 200: { description: "Members", schema: z.object({ items: z.array(memberSchema) }) } } },
  { method: "post", path: "/members", summary: "Invite a member; a new account's initial password is in this response only", tag: "Members", permission: "members.manage", body: inviteMemberSchema, responses: { 201: { description: "Invited", schema: invitedMemberSchema } } },
  { method: "patch", path: "/members/{userId}", summary: "Change a member's roles", tag: "Members", permission: "members.manage", body: updateMemberSchema, responses: { 200: { description: "Updated", schema: memberSchema.pick({ userId: true, email: true, roles: true }) } } },
  { method: "get", path: "/audit-log", summary: "Audit log, newest first (format=csv|json to export)", tag: "Audit log", permission: "audit.read", query: auditQuerySchema, responses: { 200: { description: "Entries", schema: pageOf(auditEntrySchema) } } },
];
