import { z } from "zod";
import { apiKeySchema, createdApiKeySchema, type CreateApiKeyInput } from "@/lib/schemas/api-keys";
import { invitedMemberSchema, inviteSchema, memberSchema, type InviteMemberInput, type UpdateMemberInput } from "@/lib/schemas/members";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import { auditEntrySchema, type AuditQuery } from "@/lib/schemas/audit";
import { pageOf } from "@/lib/schemas/common";
import type { Requester } from "./http";

export const apiKeysClient = (request: Requester) => ({
  list: () => request("GET", "/api-keys", { schema: z.object({ items: z.array(apiKeySchema) }) }),
  create: (input: CreateApiKeyInput) => request("POST", "/api-keys", { body: input, schema: createdApiKeySchema }),
  revoke: (id: string) => request("DELETE", `/api-keys/${id}`),
});

export const membersClient = (request: Requester) => ({
  list: () => request("GET", "/members", { schema: z.object({ items: z.array(memberSchema) }) }),
  invite: (input: InviteMemberInput) => request("POST", "/members", { body: input, schema: invitedMemberSchema }),
  // 200 with the new roles, or 202 { changeRequest } when granting approver waits for another approver.
  updateRoles: (userId: string, input: UpdateMemberInput) =>
    request("PATCH", `/members/${userId}`, {
      body: input,
      schema: z.union([changeSubmittedSchema, memberSchema.pick({ userId: true, email: true, roles: true })]),
    }),
  invites: () => request("GET", "/invites", { schema: z.object({ items: z.array(inviteSchema) }) }),
  revokeInvite: (id: string) => request("DELETE", `/invites/${id}`),
});

export const auditLogClient = (request: Requester) => ({
  list: (query: Partial<AuditQuery>) => request("GET", "/audit-log", { query, schema: pageOf(auditEntrySchema) }),
});
