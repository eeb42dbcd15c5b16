import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { person } from "@/lib/testing/people";
import { changeRequests } from "@/lib/db/schema";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";
import * as rotate from "@/app/api/v1/orgs/[org]/webhooks/[id]/rotate-secret/route";

const testDb = useTestDatabase();
const api = approvalsApi();

// Issue 5's audit bullet: every submit, approve, reject, cancel, expire, apply, every webhook change, credential
// rotation, setting change and failed permission check. (Unsuspend is audited by the delivery engine's own tests.)
const EXPECTED = [
  "settings.updated",
  "change_request.submitted",
  "change_request.approved",
  "change_request.applied",
  "change_request.rejected",
  "change_request.cancelled",
  "change_request.expired",
  "change_request.stale",
  "change_request.checks_run",
  "webhook.created",
  "webhook.activated",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rotated",
  "permission.denied",
];

describe("the audit trail of approvals", () => {
  it("records every decision and change, with actor, target and time, and never a credential", async () => {
    const admin = await createTestKey("acme", ["admin"], "maker");
    const approver = await person("approver@example.com"); // reviews are a person's act
    const viewer = await createTestKey("acme", ["viewer"], "onlooker");
    const secrets: string[] = [];

    await api.setApprovals(admin, { create: true, update: true, delete: true });
    const created = (await api.createWebhook(admin, { name: "Audited" })).json;
    secrets.push(created.webhook.auth.key, created.webhook.signingSecret);
    await api.runChecks(approver, created.changeRequest.id);
    await api.approve(approver, created.changeRequest.id); // approved + applied + activated
    const id = created.webhook.id;

    const update = (await api.patchWebhook(admin, id, { rateLimit: 12, auth: { type: "api_key", header: "X-Api-Key", key: "audit-secret-key-1" } })).json
      .changeRequest;
    secrets.push("audit-secret-key-1");
    await api.approve(approver, update.id); // webhook.updated

    const rejected = (await api.patchWebhook(admin, id, { rateLimit: 13 })).json.changeRequest;
    await api.reject(approver, rejected.id, "No thanks");
    const cancelled = (await api.patchWebhook(admin, id, { rateLimit: 14 })).json.changeRequest;
    await api.cancel(admin, cancelled.id);
    const expiring = (await api.patchWebhook(admin, id, { rateLimit: 15 })).json.changeRequest;
    await testDb.db
      .update(changeRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(changeRequests.id, expiring.id));
    await api.list(admin); // expiry is noticed on read

    const staleOne = (await api.deleteWebhook(admin, id)).json.changeRequest;
    const rotated = await call(rotate.POST, { method: "POST", params: { org: "acme", id }, key: admin, path: `/webhooks/${id}/rotate-secret` });
    secrets.push(rotated.json.signingSecret);
    await api.approve(approver, staleOne.id); // 409: stale
    await api.approve(viewer, staleOne.id); // 403: permission.denied

    const deletion = (await api.deleteWebhook(admin, id)).json.changeRequest;
    await api.approve(approver, deletion.id); // webhook.deleted
    await api.resetApprovals();

    const log = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "/audit-log?count=1000" });
    const entries = log.json.items as { action: string; actorLabel: string; targetLabel: string | null; createdAt: string }[];
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(EXPECTED));
    for (const e of entries) {
      expect(e.actorLabel.length).toBeGreaterThan(0);
      expect(Date.parse(e.createdAt)).not.toBeNaN();
    }
    const decided = entries.filter((e) => e.action.startsWith("change_request.") && e.action !== "change_request.expired");
    expect(decided.every((e) => e.targetLabel === "Audited")).toBe(true);
    expect(entries.find((e) => e.action === "change_request.expired")?.actorLabel).toBe("system");
    expect(entries.find((e) => e.action === "change_request.rejected")).toMatchObject({ actorLabel: "approver@example.com" });
    for (const s of secrets) expect(log.text).not.toContain(s);

    const csv = await call(audit.GET, { params: { org: "acme" }, key: admin, path: "/audit-log?count=1000&format=csv" });
    for (const action of EXPECTED) expect(csv.text).toContain(action);
    for (const s of secrets) expect(csv.text).not.toContain(s);
  });
});
