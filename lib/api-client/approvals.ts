import { z } from "zod";
import {
  changeRequestDetailSchema,
  changeRequestPageSchema,
  changeRequestSchema,
  changeSubmittedSchema,
  type ChangeRequestListQuery,
  type RejectChangeInput,
} from "@/lib/schemas/approvals";
import { orgSettingsSchema, type UpdateSettingsInput } from "@/lib/schemas/settings";
import type { Requester } from "./http";

export const settingsClient = (request: Requester) => ({
  get: () => request("GET", "/settings", { schema: orgSettingsSchema }),
  // 200 with the settings, or 202 { changeRequest } when switching approvals off waits for another approver.
  update: (patch: UpdateSettingsInput) => request("PATCH", "/settings", { body: patch, schema: z.union([changeSubmittedSchema, orgSettingsSchema]) }),
});

export const changeRequestsClient = (request: Requester) => ({
  list: (query: Partial<Omit<ChangeRequestListQuery, "reviewable">> & { reviewable?: "true" | "false" } = {}) =>
    request("GET", "/change-requests", { query, schema: changeRequestPageSchema }),
  get: (id: string) => request("GET", `/change-requests/${id}`, { schema: changeRequestDetailSchema }),
  approve: (id: string) => request("POST", `/change-requests/${id}/approve`, { schema: changeRequestSchema }),
  reject: (id: string, input: RejectChangeInput) => request("POST", `/change-requests/${id}/reject`, { body: input, schema: changeRequestSchema }),
  cancel: (id: string) => request("POST", `/change-requests/${id}/cancel`, { schema: changeRequestSchema }),
  runChecks: (id: string) => request("POST", `/change-requests/${id}/checks`, { schema: changeRequestSchema }),
});
