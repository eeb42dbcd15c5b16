import { call } from "./api";
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

/** The approvals REST API for one org, called as a given API key. */
export function approvalsApi(org = "acme") {
  const params = { org };
  return {
    setApprovals: (key: string, approvals: Partial<Record<"create" | "update" | "delete", boolean>>, extra: Record<string, unknown> = {}) =>
      call(settings.PATCH, { method: "PATCH", params, key, path: "/settings", body: { approvals, ...extra } }),
    getSettings: (key: string) => call(settings.GET, { params, key, path: "/settings" }),
    patchSettings: (key: string, body: unknown) => call(settings.PATCH, { method: "PATCH", params, key, path: "/settings", body }),
    createWebhook: (key: string, overrides: Record<string, unknown> = {}) => call(webhookCollection.POST, { method: "POST", params, key, path: "/webhooks", body: webhookBody(overrides) }),
    listWebhooks: (key: string) => call(webhookCollection.GET, { params, key, path: "/webhooks?count=100" }),
    getWebhook: (key: string, id: string) => call(webhookItem.GET, { params: { ...params, id }, key, path: `/webhooks/${id}` }),
    patchWebhook: (key: string, id: string, body: unknown) => call(webhookItem.PATCH, { method: "PATCH", params: { ...params, id }, key, path: `/webhooks/${id}`, body }),
    deleteWebhook: (key: string, id: string) => call(webhookItem.DELETE, { method: "DELETE", params: { ...params, id }, key, path: `/webhooks/${id}` }),
    list: (key: string, qs = "") => call(requests.GET, { params, key, path: `/change-requests${qs}` }),
    get: (key: string, id: string) => call(request.GET, { params: { ...params, id }, key, path: `/change-requests/${id}` }),
    approve: (key: string, id: string) => call(approve.POST, { method: "POST", params: { ...params, id }, key, path: `/change-requests/${id}/approve` }),
    reject: (key: string, id: string, reason: unknown = "Not now") => call(reject.POST, { method: "POST", params: { ...params, id }, key, path: `/change-requests/${id}/reject`, body: { reason } }),
    cancel: (key: string, id: string) => call(cancel.POST, { method: "POST", params: { ...params, id }, key, path: `/change-requests/${id}/cancel` }),
    runChecks: (key: string, id: string) => call(checks.POST, { method: "POST", params: { ...params, id }, key, path: `/change-requests/${id}/checks` }),
  };
}
