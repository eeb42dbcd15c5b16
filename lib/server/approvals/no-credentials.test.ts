import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { call, createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { person, personKey } from "@/lib/testing/people";
import * as versions from "@/app/api/v1/orgs/[org]/webhooks/[id]/versions/route";
import * as audit from "@/app/api/v1/orgs/[org]/audit-log/route";

useTestDatabase();
const api = approvalsApi();

describe("a pending creation, read by the approver", () => {
  it("never shows the generated credentials in any response", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const approverPerson = await person("approver@example.com");
    const approver = await personKey(approverPerson, ["approver"]);
    await api.setApprovals(admin, { create: true });
    const submitted = await api.createWebhook(admin, { name: "Secret keeper" });
    expect(submitted.status).toBe(202);
    const { changeRequest, webhook } = submitted.json;
    const secrets = [webhook.auth.key, webhook.signingSecret];
    expect(secrets[0]).toMatch(/^whk_/);
    expect(secrets[1]).toMatch(/^whsec_/);
    const id = webhook.id;
    const crId = changeRequest.id;

    const reads = {
      webhooks: await api.listWebhooks(approver),
      webhook: await api.getWebhook(approver, id),
      versions: await call(versions.GET, { params: { org: "acme", id }, key: approver }),
      requests: await api.list(approver),
      pending: await api.list(approver, "?status=pending&reviewable=true"),
      request: await api.get(approver, crId),
      checks: await api.runChecks(approverPerson, crId),
      auditLog: await call(audit.GET, { params: { org: "acme" }, key: approver, path: "/audit-log?count=100" }),
      auditCsv: await call(audit.GET, { params: { org: "acme" }, key: approver, path: "/audit-log?count=1000&format=csv" }),
      approve: await api.approve(approverPerson, crId),
      afterWebhook: await api.getWebhook(approver, id),
      afterRequest: await api.get(approver, crId),
      afterAudit: await call(audit.GET, { params: { org: "acme" }, key: approver, path: "/audit-log?count=100" }),
    };
    for (const [name, res] of Object.entries(reads)) {
      expect(res.status, `${name}: ${res.text.slice(0, 200)}`).toBe(200);
      for (const secret of secrets) expect(res.text, name).not.toContain(secret);
      expect(res.text, name).not.toMatch(/whk_[A-Za-z0-9_-]{10}|whsec_[A-Za-z0-9+/]{10}/);
    }
    expect(reads.webhook.json.auth.key).toBe("*****");
    expect(reads.webhook.json.signingSecret).toBe("*****");
    expect(reads.afterWebhook.json.status).toBe("active");
    await api.resetApprovals();
  });
});
