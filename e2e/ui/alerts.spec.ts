import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { sessionApi, signIn } from "../fixtures/auth";
import { shoot } from "../fixtures/screens";
import { maxInAnyWindow } from "../../lib/testing/max-in-window";
import { startReceiver } from "../fixtures/receiver";
import { startSmtpServer } from "../../lib/testing/smtp";
import { smtpPort } from "../../playwright.config";

// Every webhook and alert endpoint this spec makes carries this prefix, so cleanup finds exactly ours.
const PREFIX = "e2e-alerts ";
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
test.beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startSmtpServer({ port: smtpPort });
});
test.afterAll(async () => Promise.all([receiver?.close(), smtp?.close()]));

async function cleanup(page: Page) {
  const api = sessionApi(page);
  const hooks = (await (await api.get("/webhooks?count=100")).json()) as { items: { id: string; name: string }[] };
  for (const w of hooks.items.filter((w) => w.name.startsWith(PREFIX))) await api.delete(`/webhooks/${w.id}`);
  const endpoints = (await (await api.get("/alert-endpoints")).json()) as { items: { id: string; name: string }[] };
  for (const e of endpoints.items.filter((e) => e.name.startsWith(PREFIX))) await api.delete(`/alert-endpoints/${e.id}`);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function createHook(page: Page, path: string, extra: Record<string, unknown> = {}) {
  const res = await sessionApi(page).post("/webhooks", {
    name: `${PREFIX}${suffix()}`,
    url: receiver.url(path),
    auth: { type: "api_key" },
    eventTypes: ["order.created"],
    ...extra,
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}
const publish = (page: Page, n: number) => sessionApi(page).post("/events", { type: "order.created", data: { n } });

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin");
  await cleanup(page);
});
test.afterEach(async ({ page }) => cleanup(page));

test("Admin → Alerts: add an endpoint, Send Test Event arrives signed; a suspension reaches the bell, the list and the endpoint", async ({ page }) => {
  test.setTimeout(150_000); // two real deliveries to a failing receiver, a suspension and screenshots on a shared host
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Alerts" }).click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const opsPath = `/ops-${suffix()}`;
  await page.getByRole("textbox", { name: "Name" }).fill(`${PREFIX}pager`);
  await page.getByRole("textbox", { name: "URL" }).fill(receiver.url(opsPath));
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Alert endpoint added" });
  const secret = (await dialog.locator("[data-secret]").textContent())!.trim();
  await dialog.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByRole("heading", { name: `${PREFIX}pager`, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Send Test Event" }).click();
  await expect.poll(() => receiver.received(opsPath).length).toBe(1);
  const sample = receiver.received(opsPath)[0];
  const verified = new Webhook(secret).verify(sample.body, sample.headers as Record<string, string>) as { type: string; is_test: boolean };
  expect(verified).toMatchObject({ type: "webhook.suspended", is_test: true });
  await expect(page.getByRole("region", { name: "Delivery log" }).getByRole("button", { name: /^Redeliver webhook.suspended/ })).toBeVisible();
  await expectNoSeriousViolations(page);
  await shoot(page, "alert-endpoint");

  // A receiver failing until suspension: the endpoint gets a signed webhook.suspended, the bell counts it, and the
  // admin gets an e-mail through a real SMTP server (the e2e server's SMTP_URL points at it).
  const flaky = `/flaky-${suffix()}`;
  receiver.answer(flaky, { status: 500 });
  const hook = await createHook(page, flaky, { failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 2 } });
  await publish(page, 1);
  await publish(page, 2);
  await expect
    .poll(() => receiver.received(opsPath).some((r) => JSON.parse(r.body).type === "webhook.suspended" && !JSON.parse(r.body).is_test), { timeout: 20_000 })
    .toBe(true);
  const real = receiver.received(opsPath).find((r) => !JSON.parse(r.body).is_test && JSON.parse(r.body).type === "webhook.suspended")!;
  expect((new Webhook(secret).verify(real.body, real.headers as Record<string, string>) as { data: { webhook: { id: string } } }).data.webhook.id).toBe(
    hook.id,
  );

  const suspendedMail = () => smtp.messages.find((m) => m.to.includes("admin@example.com") && m.text.includes(`${hook.name} was suspended`));
  await expect.poll(() => Boolean(suspendedMail()), { timeout: 20_000 }).toBe(true);
  expect(suspendedMail()!.from).toBe("alerts@console.test");

  await page.goto("/admin/alerts");
  await shoot(page, "admin-alerts");
  const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const item = page.getByRole("link", { name: `${hook.name} was suspended` });
  await expect(item).toBeVisible();
  await expectNoSeriousViolations(page);
  await shoot(page, "notifications");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("All caught up.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/developer/webhooks/${hook.id}$`));
});

test("profile: e-mail preferences are saved per person", async ({ page }) => {
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  const failing = page.getByRole("checkbox", { name: /half-way to suspension/ });
  await failing.click();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Alert preferences saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /half-way to suspension/ })).not.toBeChecked();
  await expectNoSeriousViolations(page);
  await shoot(page, "profile");
  await page.getByRole("checkbox", { name: /half-way to suspension/ }).click();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Alert preferences saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /half-way to suspension/ })).toBeChecked();
});

test("pause → publish 20 → resume: all 20 delivered in order of publication, within the rate limit", async ({ page }) => {
  const path = `/paused-${suffix()}`;
  const hook = await createHook(page, path, { rateLimit: 5 });
  await page.goto(`/developer/webhooks/${hook.id}`);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  const published: string[] = [];
  for (let i = 0; i < 20; i++) published.push(((await (await publish(page, i)).json()) as { id: string }).id);
  await page.reload();
  await expect(page.getByText("20 deliveries are waiting")).toBeVisible();
  expect(receiver.received(path)).toHaveLength(0);
  await shoot(page, "webhook-paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect.poll(() => receiver.received(path).length, { timeout: 30_000 }).toBe(20);
  expect(new Set(receiver.received(path).map((r) => r.headers["webhook-id"]))).toEqual(new Set(published));
  // Order and limit, where the engine keeps them: the attempts' start times. (The receiver, in this busy test process,
  // may read two requests that arrived during one of its own stalls in either order.)
  const api = sessionApi(page);
  const { items } = (await (await api.get(`/webhooks/${hook.id}/deliveries?count=100`)).json()) as { items: { id: string }[] };
  const sent = await Promise.all(
    items.map(async (d) => {
      const full = (await (await api.get(`/deliveries/${d.id}`)).json()) as { eventId: string; attempts_: { startedAt: string }[] };
      expect(full.attempts_).toHaveLength(1);
      return { eventId: full.eventId, at: Date.parse(full.attempts_[0].startedAt) };
    }),
  );
  sent.sort((a, b) => a.at - b.at);
  expect(sent.map((s) => s.eventId)).toEqual(published);
  const starts = sent.map((s) => s.at);
  expect(starts).toHaveLength(20);
  expect(maxInAnyWindow(starts)).toBeLessThanOrEqual(5);
});

test("recover dialog: a time range redelivers what was diverted, with a progress bar that reaches 100 %", async ({ page }) => {
  const path = `/recover-${suffix()}`;
  receiver.answer(path, { status: 500 });
  const hook = await createHook(page, path, { failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 100 } });
  await publish(page, 1);
  await publish(page, 2);
  await expect.poll(async () => (await (await sessionApi(page).get(`/diverted-events?webhookId=${hook.id}`)).json()).items.length, { timeout: 15_000 }).toBe(2);
  receiver.answer(path, { status: 200 });
  await page.goto(`/developer/webhooks/${hook.id}`);
  await page.getByRole("button", { name: "Recover" }).click();
  const dialog = page.getByRole("dialog", { name: `Recover ${hook.name}` });
  await expect(dialog.getByLabel("From")).toBeVisible();
  await shoot(page, "recover-dialog");
  await dialog.getByRole("button", { name: "Start recovery" }).click();
  const bar = dialog.getByRole("progressbar", { name: "Recovery" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(dialog.getByText(/Done: 2 deliveries requeued/)).toBeVisible();
  await shoot(page, "recover-progress");
  await expect.poll(() => receiver.received(path).length, { timeout: 15_000 }).toBe(4);
});
