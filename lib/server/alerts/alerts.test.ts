import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { startSmtpServer } from "@/lib/testing/smtp";
import { webhookBody } from "@/lib/testing/webhooks";
import { mailOutbox, notifications, users, webhooks } from "@/lib/db/schema";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { publishEvent } from "@/lib/server/events/publish-event";
import { unsuspendWebhook } from "@/lib/server/webhooks/unsuspend-webhook";
import { actorForUser } from "@/lib/server/identity/resolve-actor";
import { updateSettings } from "@/lib/server/settings/update-settings";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/server/jobs/background";
import type { Worker } from "@/lib/delivery/engine/worker";
import { createAlertEndpoint } from "./alert-endpoints";
import { countUnread, listNotifications, markNotificationsRead } from "./notifications";
import { savePreferences } from "./preferences";

const testDb = useTestDatabase();
let worker: Worker;
let jobs: BackgroundJobs;
let receiver: Receiver;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Alerts <alerts@console.test>";
  process.env.AUTH_URL = "https://console.test";
  worker = await startTestWorker(); // resets the cached env, so SMTP_URL is seen
  jobs = startBackgroundJobs({ db: testDb.db, smtpUrl: smtp.url, mailFrom: "Alerts <alerts@console.test>", pollMs: 100 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await Promise.all([worker?.stop(), jobs?.stop()]);
  await Promise.all([receiver?.close(), smtp?.close()]);
  delete process.env.SMTP_URL;
});

async function personActor(email: string) {
  const [u] = await testDb.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await actorForUser(u.id, "acme"))!;
}

describe("alerts", () => {
  it("a receiver failing until suspension: in-app notification, e-mail, signed webhook.suspended at an operational endpoint", async () => {
    const admin = await testActor("acme", ["admin"]);
    const ada = await personActor("admin@example.com");
    const opsPath = "/ops";
    const endpoint = await createAlertEndpoint({
      actor: ada,
      input: { name: "Pager", url: `${receiver.url}${opsPath}`, eventTypes: ["webhook.suspended", "webhook.failing"] },
    });
    const failing = createWebhookSchema.parse(
      webhookBody({
        name: "Flaky receiver",
        url: `${receiver.url}/flaky`,
        failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 4 },
      }),
    );
    const { row } = await createWebhook({ actor: admin, input: failing });
    receiver.setHandler((r, res) => (r.path === "/flaky" ? res.writeHead(500).end("down") : res.writeHead(200).end("ok")));
    const unreadBefore = await countUnread({ actor: ada });

    for (let i = 0; i < 4; i++) await publishEvent({ actor: admin, input: { type: "order.created", data: { i } } });
    await waitFor(async () => (await testDb.db.select().from(webhooks).where(eq(webhooks.id, row.id)))[0].status === "suspended");

    // Operational endpoint: webhook.failing at 2 of 4, then webhook.suspended, both verifiable with its secret.
    const suspendedReq = await waitFor(() => receiver.requests.find((r) => r.path === opsPath && JSON.parse(r.body).type === "webhook.suspended"));
    const verified = new Webhook(endpoint.signingSecret).verify(suspendedReq.body, suspendedReq.headers as Record<string, string>) as {
      type: string;
      data: { webhook: { id: string } };
    };
    expect(verified.type).toBe("webhook.suspended");
    expect(verified.data.webhook.id).toBe(row.id);
    expect(receiver.requests.filter((r) => r.path === opsPath).map((r) => JSON.parse(r.body).type)).toEqual(["webhook.failing", "webhook.suspended"]);

    // In-app: the admin sees both, with a link to the webhook; mark one read, then all.
    const mine = (await listNotifications({ actor: ada })).filter((n) => n.link === `/developer/webhooks/${row.id}`);
    expect(mine.map((n) => n.type).sort()).toEqual(["webhook.failing", "webhook.suspended"]);
    // … and the hourly digest of what was diverted (each attempt exhausted its single try): one, not four.
    const digests = (await listNotifications({ actor: ada })).filter((n) => n.link === `/developer/diverted-events?webhookId=${row.id}`);
    expect(digests.map((n) => n.type)).toEqual(["deliveries.diverted"]);
    expect(await countUnread({ actor: ada })).toBe(unreadBefore + 3);
    await markNotificationsRead({ actor: ada, ids: [mine[0].id] });
    expect(await countUnread({ actor: ada })).toBe(unreadBefore + 2);
    // Someone else's notifications are untouched by Ada's "mark all".
    const avery = await personActor("approver@example.com");
    await markNotificationsRead({ actor: ada, all: true });
    expect(await countUnread({ actor: ada })).toBe(0);
    expect((await listNotifications({ actor: avery })).some((n) => n.type === "webhook.suspended")).toBe(false); // approvers are not told about webhooks

    // E-mail: the outbox was drained to the real SMTP server.
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes("admin@example.com") && m.text.includes("Flaky receiver was suspended")));
    expect(mail.from).toBe("alerts@console.test");
    expect(mail.text).toContain(`https://console.test/developer/webhooks/${row.id}`);

    // No storm: more failures on the suspended webhook (tests still go out) announce nothing new.
    const count = async () =>
      (
        await testDb.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, ada.id), eq(notifications.type, "webhook.suspended")))
      ).length;
    expect(await count()).toBe(1);

    // Recovery announced once: unsuspend, the receiver answers, two successes → one webhook.recovered.
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
    await unsuspendWebhook({ actor: admin, id: row.id, redeliverDiverted: false });
    await publishEvent({ actor: admin, input: { type: "order.created", data: { ok: 1 } } });
    await publishEvent({ actor: admin, input: { type: "order.created", data: { ok: 2 } } });
    await waitFor(async () => (await listNotifications({ actor: ada })).some((n) => n.type === "webhook.recovered"));
    await new Promise((r) => setTimeout(r, 500));
    expect((await listNotifications({ actor: ada })).filter((n) => n.type === "webhook.recovered")).toHaveLength(1);
  });

  it("per-person preferences: a muted event type is not e-mailed but still shown in-app", async () => {
    const admin = await testActor("acme", ["admin"]);
    const ada = await personActor("admin@example.com");
    await savePreferences({ actor: ada, input: { emailEnabled: true, mutedTypes: ["webhook.failing"] } });
    await createWebhook({
      actor: admin,
      input: createWebhookSchema.parse(
        webhookBody({
          name: "Muted flaky",
          url: `${receiver.url}/muted`,
          failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 10 },
        }),
      ),
    });
    receiver.setHandler((r, res) => (r.path === "/muted" ? res.writeHead(500).end("down") : res.writeHead(200).end("ok")));
    for (let i = 0; i < 5; i++) await publishEvent({ actor: admin, input: { type: "order.created", data: { i } } });
    await waitFor(async () => (await listNotifications({ actor: ada })).some((n) => n.type === "webhook.failing" && n.title.startsWith("Muted flaky")));
    const queued = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "admin@example.com"));
    expect(queued.some((m) => m.subject.includes("Muted flaky is failing"))).toBe(false);
    expect(queued.some((m) => m.subject.includes("Muted flaky: 1 delivery diverted"))).toBe(true); // not muted
    await savePreferences({ actor: ada, input: { emailEnabled: true, mutedTypes: [] } });
    receiver.setHandler((_r, res) => res.writeHead(200).end("ok"));
  });

  it("approvers get change_request.submitted (not the requester); the requester gets change_request.decided", async () => {
    const ada = await personActor("admin@example.com");
    await updateSettings({ actor: ada, patch: { approvals: { create: true, update: false, delete: false } } });
    const created = await createWebhook({ actor: ada, input: createWebhookSchema.parse(webhookBody({ name: "Needs approval" })) });
    const requestId = created.changeRequest!.id;
    const avery = await personActor("approver@example.com");
    const forAvery = await waitFor(async () =>
      (await listNotifications({ actor: avery })).find((n) => n.type === "change_request.submitted" && n.link === `/admin/approvals/${requestId}`),
    );
    expect(forAvery.title).toContain("Needs approval");
    expect((await listNotifications({ actor: ada })).some((n) => n.link === `/admin/approvals/${requestId}` && n.type === "change_request.submitted")).toBe(
      false,
    );
    const approverMail = await waitFor(() => smtp.messages.find((m) => m.to.includes("approver@example.com") && m.text.includes("Needs approval")));
    expect(approverMail.text).toContain(`/admin/approvals/${requestId}`);

    const { rejectChangeRequest } = await import("@/lib/server/approvals/reject-change-request");
    await rejectChangeRequest({ actor: avery, id: requestId, reason: "Use the staging URL" });
    const decided = await waitFor(async () =>
      (await listNotifications({ actor: ada })).find((n) => n.type === "change_request.decided" && n.link === `/admin/approvals/${requestId}`),
    );
    expect(decided.body).toContain("Use the staging URL");
    await updateSettings({ actor: ada, patch: { approvals: { create: false, update: false, delete: false } } });
  });
});
