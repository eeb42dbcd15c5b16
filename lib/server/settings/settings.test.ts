import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";

useTestDatabase();
const api = approvalsApi();

describe("organization settings", () => {
  it("starts with approvals off, a 7-day expiry and the limit of 10", async () => {
    const viewer = await createTestKey("acme", ["viewer"]);
    const res = await api.getSettings(viewer);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      approvals: { create: false, update: false, delete: false },
      approvalExpiryDays: 7,
      maxActiveWebhooks: 10,
      publishLimit: 10000,
      retentionDays: 30,
      auditRetentionDays: 365,
    });
  });

  it("changes what is given, keeps the rest, and audits before and after", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const res = await api.patchSettings(admin, { approvals: { delete: true }, approvalExpiryDays: 14 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ approvals: { create: false, update: false, delete: true }, approvalExpiryDays: 14 });
    const entries = (await call(audit.GET, { params: { org: "acme" }, key: admin, path: "/audit-log?action=settings.updated" })).json.items;
    expect(entries[0].summary).toEqual({
      approvals: { before: { create: false, update: false, delete: false }, after: { create: false, update: false, delete: true } },
      approvalExpiryDays: { before: 7, after: 14 },
    });
    const again = await api.patchSettings(admin, { approvalExpiryDays: 14 });
    expect(again.status).toBe(200);
    const after = (await call(audit.GET, { params: { org: "acme" }, key: admin, path: "/audit-log?action=settings.updated" })).json.items;
    expect(after).toHaveLength(1); // no change, no entry
    await api.patchSettings(admin, { approvals: { delete: false }, approvalExpiryDays: 7 });
  });

  it.each([
    ["0 days", { approvalExpiryDays: 0 }, "approvalExpiryDays"],
    ["91 days", { approvalExpiryDays: 91 }, "approvalExpiryDays"],
    ["half a day", { approvalExpiryDays: 1.5 }, "approvalExpiryDays"],
    ["days as text", { approvalExpiryDays: "7" }, "approvalExpiryDays"],
    ["a non-boolean switch", { approvals: { create: "yes" } }, "approvals.create"],
    ["retention of 0 days", { retentionDays: 0 }, "retentionDays"],
    ["retention of 366 days", { retentionDays: 366 }, "retentionDays"],
    ["a publish limit of 0", { publishLimit: 0 }, "publishLimit"],
    ["audit kept 10 days", { auditRetentionDays: 10 }, "auditRetentionDays"],
    ["an unknown approval kind", { approvals: { rotate: true } }, "approvals.rotate"],
    ["an unknown field", { maxActiveWebhooks: 50 }, "maxActiveWebhooks"],
  ])("refuses %s with a field error and changes nothing", async (_label, body, path) => {
    const admin = await createTestKey("acme", ["admin"]);
    const before = (await api.getSettings(admin)).json;
    const res = await api.patchSettings(admin, body);
    expect(res.status).toBe(422);
    expect(res.json.errors.some((e: { path: string }) => e.path === path)).toBe(true);
    expect((await api.getSettings(admin)).json).toEqual(before);
  });

  it("only admins change settings; a refusal is audited", async () => {
    for (const role of ["approver", "tester", "viewer"] as const) {
      const key = await createTestKey("acme", [role]);
      expect((await api.patchSettings(key, { approvals: { create: true } })).status).toBe(403);
    }
    const admin = await createTestKey("acme", ["admin"]);
    const denied = (await call(audit.GET, { params: { org: "acme" }, key: admin, path: "/audit-log?action=permission.denied" })).json.items;
    expect(denied.some((e: { targetLabel: string }) => e.targetLabel === "PATCH /api/v1/orgs/acme/settings")).toBe(true);
    expect((await api.getSettings(admin)).json.approvals.create).toBe(false);
  });
});
