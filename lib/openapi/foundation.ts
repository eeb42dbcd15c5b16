import { z } from "zod";
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from "@/lib/schemas/api-keys";
import { inviteMemberSchema, invitedMemberSchema, inviteSchema, memberSchema, updateMemberSchema } from "@/lib/schemas/members";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import { auditEntrySchema, auditQuerySchema } from "@/lib/schemas/audit";
import { pageOf } from "@/lib/schemas/common";
import type { Operation } from "./types";

export const foundationOperations: Operation[] = [
  {
    method: "get",
    path: "/api-keys",
    summary: "List API keys (never the key)",
    tag: "API keys",
    permission: "api-keys.manage",
    responses: { 200: { description: "Keys", schema: z.object({ items: z.array(apiKeySchema) }) } },
  },
  {
    method: "post",
    path: "/api-keys",
    summary: "Create an API key; the key is in this response only",
    tag: "API keys",
    permission: "api-keys.manage",
    body: createApiKeySchema,
    responses: { 201: { description: "Created", schema: createdApiKeySchema } },
  },
  {
    method: "delete",
    path: "/api-keys/{id}",
    summary: "Revoke an API key",
    tag: "API keys",
    permission: "api-keys.manage",
    responses: { 204: { description: "Revoked" } },
  },
  {
    method: "get",
    path: "/members",
    summary: "List members",
    tag: "Members",
    permission: "members.read",
    responses: { 200: { description: "Members", schema: z.object({ items: z.array(memberSchema) }) } },
  },
  {
    method: "post",
    path: "/members",
    summary: "Invite a member with a one-time link (72 h); the same answer whether or not the e-mail has an account; the invitee chooses their own password",
    tag: "Members",
    permission: "members.manage",
    body: inviteMemberSchema,
    responses: {
      201: { description: "Invited", schema: invitedMemberSchema },
      202: { description: "Invites an approver while approvals are on: the link works once another approver approves", schema: invitedMemberSchema },
    },
  },
  {
    method: "patch",
    path: "/members/{userId}",
    summary: "Change a member's roles; granting approver while approvals are on is a change request (202)",
    tag: "Members",
    permission: "members.manage",
    body: updateMemberSchema,
    responses: {
      200: { description: "Updated", schema: memberSchema.pick({ userId: true, email: true, roles: true }) },
      202: { description: "Awaiting another approver", schema: changeSubmittedSchema },
    },
  },
  {
    method: "get",
    path: "/invites",
    summary: "Open invitations (never their links)",
    tag: "Members",
    permission: "members.read",
    responses: { 200: { description: "Invitations", schema: z.object({ items: z.array(inviteSchema) }) } },
  },
  {
    method: "delete",
    path: "/invites/{id}",
    summary: "Revoke an open invitation",
    tag: "Members",
    permission: "members.manage",
    responses: { 204: { description: "Revoked" } },
  },
  {
    method: "get",
    path: "/audit-log",
    summary: "Audit log, newest first (format=csv|json to export)",
    tag: "Audit log",
    permission: "audit.read",
    query: auditQuerySchema,
    responses: { 200: { description: "Entries", schema: pageOf(auditEntrySchema) } },
  },
];
