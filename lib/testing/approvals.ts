import { getDb } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import type { Actor } from "@/lib/server/authz";
import { approveChangeRequest } from "@/lib/server/approvals/approve-change-request";
import { rejectChangeRequest } from "@/lib/server/approvals/reject-change-request";
import { runChecks } from "@/lib/server/approvals/run-checks";
import { toChangeRequestView } from "@/lib/server/approvals/view";
import { rejectChangeSchema } from "@/lib/schemas/approvals";
import { fromZodIssues, invalid } from "@/lib/server/errors";
import { call } from "./api";
import { asResponse } from "./people";
import { webhookBody } from "./webhooks";
import * as settings from "@/app/api/v1/orgs/[org]/settings/route";
import * as webhookCollection from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as webhookItem from "@/app/api/v1/orgs/[org]/webhooks/[id]/route";
import * as requests from "@/app/api/v1/orgs/[org]/change-requests/route";
import * as request from "@/app/api/v1/orgs/[org]/change-requests/[id]/route";
import * as approve from "@/app/api/v1/orgs/[org]/change-requests/[id]/approve/route";
import * as reject from "@/app/api/v1/orgs/[org]/change-requests/[id]/reject/route";
import * as cancel from "@/app/api/v1/orgs/[org]/change-requests/[id]/cancel/route";
import * as checks from "@/app/api/v1/orgs/[org]/change-requests/[id]/checks/route";

/** An API key (through the REST route) or a person (through the service, see lib/testing/people.ts). */
export type Who = string | Actor;

/** The approvals REST API for one org, called as a given API key; decisions and checks also as a person. */
export function approvalsApi(org = "acme") {
  const params = { org };
  return {
    /** Fixture reset, not a behaviour under test: switching approvals off is itself a change request while on. */
    resetApprovals: async (approvalExpiryDays = 7) => {
      const db = await getDb();
      await db.update(organizations).set({ approvals: { create: false, update: false, delete: false }, approvalExpiryDays });
    },
    setApprovals: (key: string, approvals: Partial<Record<"create" | "update" | "delete", boolean>>, extra: Record<string, unknown> = {}) =>
      call(settings.PATCH, { method: "PATCH", params, key, path: "/settings", body: { approvals, ...extra } }),
    getSettings: (key: string) => call(settings.GET, { params, key, path: "/settings" }),
    patchSettings: (key: string, body: unknown) => call(settings.PATCH, { method: "PATCH", params, key, path: "/settings", body }),
    createWebhook: (key: string, overrides: Record<string, unknown> = {}) =>
      call(webhookCollection.POST, { method: "POST", params, key, path: "/webhooks", body: webhookBody(overrides) }),
    listWebhooks: (key: string) => call(webhookCollection.GET, { params, key, path: "/webhooks?count=100" }),
    getWebhook: (key: string, id: string) => call(webhookItem.GET, { params: { ...params, id }, key, path: `/webhooks/${id}` }),
    patchWebhook: (key: string, id: string, body: unknown) =>
      call(webhookItem.PATCH, { method: "PATCH", params: { ...params, id }, key, path: `/webhooks/${id}`, body }),
    deleteWebhook: (key: string, id: string) => call(webhookItem.DELETE, { method: "DELETE", params: { ...params, id }, key, path: `/webhooks/${id}` }),
    list: (key: string, qs = "") => call(requests.GET, { params, key, path: `/change-requests${qs}` }),
    get: (key: string, id: string) => call(request.GET, { params: { ...params, id }, key, path: `/change-requests/${id}` }),
    approve: (who: Who, id: string) =>
      typeof who === "string"
        ? call(approve.POST, { method: "POST", params: { ...params, id }, key: who, path: `/change-requests/${id}/approve` })
        : asResponse(async () => toChangeRequestView(await approveChangeRequest({ actor: who, id }))),
    reject: (who: Who, id: string, reason: unknown = "Not now") =>
      typeof who === "string"
        ? call(reject.POST, { method: "POST", params: { ...params, id }, key: who, path: `/change-requests/${id}/reject`, body: { reason } })
        : asResponse(async () => {
            const parsed = rejectChangeSchema.safeParse({ reason });
            if (!parsed.success) throw invalid(fromZodIssues(parsed.error.issues));
            return toChangeRequestView(await rejectChangeRequest({ actor: who, id, reason: parsed.data.reason }));
          }),
    cancel: (key: string, id: string) => call(cancel.POST, { method: "POST", params: { ...params, id }, key, path: `/change-requests/${id}/cancel` }),
    runChecks: (who: Who, id: string) =>
      typeof who === "string"
        ? call(checks.POST, { method: "POST", params: { ...params, id }, key: who, path: `/change-requests/${id}/checks` })
        : asResponse(async () => toChangeRequestView(await runChecks({ actor: who, id }))),
  };
}
