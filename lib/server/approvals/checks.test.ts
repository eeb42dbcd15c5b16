import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { useTestDatabase } from "@/lib/testing/db";
import { createTestKey } from "@/lib/testing/api";
import { approvalsApi } from "@/lib/testing/approvals";
import { person } from "@/lib/testing/people";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startOAuthServer, type OAuthServer } from "@/lib/testing/oauth-server";

// Receivers here are plain http:// on 127.0.0.1 (ALLOWED_TARGET_CIDRS in the test setup allows loopback).
process.env.ALLOW_HTTP_TARGETS = "true";
(globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;

useTestDatabase();
const api = approvalsApi();
let receiver: Receiver;
let oauth: OAuthServer;

beforeAll(async () => {
  receiver = await startReceiver();
  oauth = await startOAuthServer();
});
afterAll(async () => {
  await receiver?.close();
  await oauth?.close();
});

type Check = { name: string; status: string; detail: string };
const byName = (checks: { items: Check[] }): Record<string, Check> => Object.fromEntries(checks.items.map((i) => [i.name, i]));

describe("pre-approval checks", () => {
  it("passes the URL rules and a signed, authenticated ping; the results are attached and secret-free", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const approver = await person("approver@example.com");
    await api.setApprovals(admin, { create: true });
    const res = await api.createWebhook(admin, { url: `${receiver.url}/hooks`, auth: { type: "api_key", header: "X-Hook-Key", key: "receiver-key-123" } });
    expect(res.status).toBe(202);
    const { changeRequest, webhook } = res.json;
    const before = receiver.requests.length;

    const ran = await api.runChecks(approver, changeRequest.id);
    expect(ran.status).toBe(200);
    const checks = byName(ran.json.checks);
    expect(checks.url.status).toBe("passed");
    expect(checks.oauth_token).toMatchObject({ status: "skipped" });
    expect(checks.ping).toMatchObject({ status: "passed", detail: expect.stringContaining("HTTP 200") });
    expect(ran.text).not.toContain("receiver-key-123");

    const ping = receiver.requests[before];
    expect(ping.headers["x-hook-key"]).toBe("receiver-key-123");
    const payload = new StandardWebhook(webhook.signingSecret).verify(ping.body, ping.headers as Record<string, string>) as { type: string; is_test: boolean };
    expect(payload).toMatchObject({ type: "webhook.ping", is_test: true });
    expect((await api.get(admin, changeRequest.id)).json.checks.ranBy).toBe("approver@example.com");
    await api.resetApprovals();
  });

  it("reports a failing receiver, and a target refused since submission without sending to it", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const approver = await person("approver@example.com");
    const { id } = (await api.createWebhook(admin, { url: `${receiver.url}/down`, enabled: false })).json;
    await api.setApprovals(admin, { update: true });
    receiver.setHandler((_r, out) => out.writeHead(503).end("no"));
    const crId = (await api.patchWebhook(admin, id, { rateLimit: 5 })).json.changeRequest.id;
    const failing = byName((await api.runChecks(approver, crId)).json.checks);
    expect(failing.ping).toMatchObject({ status: "failed", detail: expect.stringContaining("HTTP 503") });
    receiver.setHandler((_r, out) => out.writeHead(200).end("ok"));
    await api.cancel(admin, crId);

    // Checks apply the rules as they are now: a target allowed at submission but refused since fails, and gets no ping.
    const crLocal = (await api.patchWebhook(admin, id, { rateLimit: 6 })).json.changeRequest.id;
    process.env.ALLOWED_TARGET_CIDRS = "";
    (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
    const sent = receiver.requests.length;
    try {
      const blocked = byName((await api.runChecks(approver, crLocal)).json.checks);
      expect(blocked.url).toMatchObject({ status: "failed", detail: expect.stringContaining("private, loopback or reserved") });
      expect(blocked.ping.status).toBe("skipped");
      expect(receiver.requests.length).toBe(sent);
    } finally {
      process.env.ALLOWED_TARGET_CIDRS = "127.0.0.0/8,::1/128";
      (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
    }
    await api.cancel(admin, crLocal);
    await api.resetApprovals();
    await api.deleteWebhook(admin, id);
  });

  it("gets an OAuth token with the proposed client secret and pings with it", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const approver = await person("approver@example.com");
    const { id } = (await api.createWebhook(admin, { url: `${receiver.url}/oauth`, enabled: false })).json;
    await api.setApprovals(admin, { update: true });
    const client = oauth.clients.basic;
    const crId = (
      await api.patchWebhook(admin, id, { auth: { type: "oauth2", tokenUrl: oauth.tokenUrl, clientId: client.clientId, clientSecret: client.clientSecret } })
    ).json.changeRequest.id;
    const before = receiver.requests.length;
    const ran = await api.runChecks(approver, crId);
    const checks = byName(ran.json.checks);
    expect(checks.oauth_token).toMatchObject({ status: "passed", detail: expect.stringContaining("token valid for") });
    expect(checks.ping.status).toBe("passed");
    expect(receiver.requests[before].headers.authorization).toMatch(/^Bearer /);
    expect(ran.text).not.toContain(client.clientSecret);
    expect(ran.text).not.toContain(receiver.requests[before].headers.authorization!.slice(7));

    const wrong = (await api.patchWebhook(admin, id, {})).status; // nothing changed: 200, and the pending request stays
    expect(wrong).toBe(200);
    await api.cancel(admin, crId);
    const badId = (
      await api.patchWebhook(admin, id, { auth: { type: "oauth2", tokenUrl: oauth.tokenUrl, clientId: client.clientId, clientSecret: "wrong-secret-value" } })
    ).json.changeRequest.id;
    const bad = byName((await api.runChecks(approver, badId)).json.checks);
    expect(bad.oauth_token.status).toBe("failed");
    expect(bad.oauth_token.detail).not.toContain("wrong-secret-value");
    expect(bad.ping).toMatchObject({ status: "skipped" });
    await api.cancel(admin, badId);
    await api.resetApprovals();
  });

  it("has nothing to check for a deletion, and refuses decided requests", async () => {
    const admin = await createTestKey("acme", ["admin"]);
    const approver = await person("approver@example.com");
    const { id } = (await api.createWebhook(admin, { enabled: false })).json;
    await api.setApprovals(admin, { delete: true });
    const crId = (await api.deleteWebhook(admin, id)).json.changeRequest.id;
    const checks = (await api.runChecks(approver, crId)).json.checks;
    expect(checks.items.every((i: { status: string }) => i.status === "skipped")).toBe(true);
    await api.reject(approver, crId, "keep it");
    expect((await api.runChecks(approver, crId)).status).toBe(409);
    await api.resetApprovals();
  });
});
