import {
  changeRequestDetailSchema,
  changeRequestListQuerySchema,
  changeRequestPageSchema,
  changeRequestSchema,
  changeSubmittedSchema,
  rejectChangeSchema,
} from "@/lib/schemas/approvals";
import { orgSettingsSchema, updateSettingsSchema } from "@/lib/schemas/settings";
import type { Operation } from "./types";

const tag = "Approvals";
const one = { 200: { description: "The change request", schema: changeRequestSchema } };

export const approvalOperations: Operation[] = [
  {
    method: "get",
    path: "/settings",
    summary: "Organization settings: which webhook changes need approval, request expiry",
    tag: "Settings",
    permission: "settings.read",
    responses: { 200: { description: "Settings", schema: orgSettingsSchema } },
  },
  {
    method: "patch",
    path: "/settings",
    summary: "Change settings (audited); omitted fields stay. While approvals are on, switching a kind off is a change request (202)",
    tag: "Settings",
    permission: "settings.write",
    body: updateSettingsSchema,
    responses: {
      200: { description: "Settings", schema: orgSettingsSchema },
      202: { description: "Awaiting another approver", schema: changeSubmittedSchema },
    },
  },
  {
    method: "get",
    path: "/change-requests",
    summary: "Change requests, newest first; reviewable=true: pending requests made by someone else",
    tag,
    permission: "changes.read",
    query: changeRequestListQuerySchema,
    responses: { 200: { description: "A page of change requests", schema: changeRequestPageSchema } },
  },
  {
    method: "get",
    path: "/change-requests/{id}",
    summary: "One change request with the live configuration and a field-by-field diff (credentials: changed/unchanged only)",
    tag,
    permission: "changes.read",
    responses: { 200: { description: "The change request", schema: changeRequestDetailSchema } },
  },
  {
    method: "post",
    path: "/change-requests/{id}/approve",
    summary: "Approve and apply atomically; never your own request (403); 409 when already decided, expired, or stale (the webhook changed since)",
    tag,
    permission: "changes.review",
    responses: one,
  },
  {
    method: "post",
    path: "/change-requests/{id}/reject",
    summary: "Reject with a reason the requester sees; never your own request (403)",
    tag,
    permission: "changes.review",
    body: rejectChangeSchema,
    responses: one,
  },
  { method: "post", path: "/change-requests/{id}/cancel", summary: "Withdraw your own pending request", tag, permission: "webhooks.write", responses: one },
  {
    method: "post",
    path: "/change-requests/{id}/checks",
    summary: "Run the pre-approval checks (URL rules, OAuth token endpoint, test ping) and attach the results; reviewers and admins",
    tag,
    permission: "changes.read",
    responses: one,
  },
];
