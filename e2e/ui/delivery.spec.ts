import { expect, test, type Page } from "@playwright/test";
import { sessionApi, signIn, signedInContext } from "../fixtures/auth";
import { startReceiver, type Receiver } from "../fixtures/receiver";

const PREFIX = "e2e-delivery ";
const unique = (label: string) => `${PREFIX}${label} ${Date.now().toString(36)}`;

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => receiver?.close());

async function createWebhook(admin: Page, path: string, extra: Record<string, unknown> = {}) {
  const res = await sessionApi(admin).post("/webhooks", {
    name: unique(path.slice(1)),
    url: receiver.url(path),
    auth: { type: "api_key", header: "X-Receiver-Key", key: "receiver-key-e2e" },
    eventTypes: ["order.created"],
    ...extra,
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

async function cleanup(admin: Page) {
  const { items } = (await (await sessionApi(admin).get("/webhooks?count=100")).json()) as { items: { id: string; name: string }[] };
  for (const w of items.filter((w) => w.name.startsWith(PREFIX))) await sessionApi(admin).delete(`/webhooks/${w.id}`);
}

test.describe("delivery as seen in the console", () => {
  let admin: Page;
  test.beforeAll(async ({ browser }) => {
    ({ page: admin } = await signedInContext(() => browser.newContext(), "admin"));
    await cleanup(admin);
  });
  test.afterAll(async () => {
    await cleanup(admin);
    await admin.context().close();
  });

  test("a tester sends a test event from the list's Test action and sees the receiver's 200 and body", async ({ page }) => {
    receiver.answer("/ok", { status: 200, body: "thanks from the receiver" });
    const hook = await createWebhook(admin, "/ok");
    await signIn(page, "tester");
    await page.goto("/developer/webhooks");
    await page.getByRole("button", { name: `Actions for ${hook.name}` }).click();
    await page.getByRole("menuitem", { name: "Test" }).click();
    await expect(page).toHaveURL(new RegExp(`/developer/webhooks/${hook.id}\\?tab=test`));
    const panel = page.getByRole("region", { name: "Send Test Event" });
    await expect(panel.getByLabel("Event type")).toBeFocused();
    await expect(panel.getByLabel("Event type")).toHaveValue("order.created");
    await expect(panel.getByText('"order_id"').first()).toBeVisible();
    await panel.getByRole("button", { name: "Send Test Event" }).click();

    const result = panel.getByRole("region", { name: "Test result" });
    await expect(result.getByText("The receiver accepted the test event")).toBeVisible();
    await expect(result.getByText("200", { exact: true })).toBeVisible();
    await expect(result.getByText("thanks from the receiver")).toBeVisible();
    await expect(result.getByText(/x-receiver-key: \*\*\*\*\*/)).toBeVisible();
    await expect(result.getByText(/webhook-signature: v1,/)).toBeVisible();
    await expect(result.getByText("receiver-key-e2e")).toHaveCount(0);

    const got = receiver.received("/ok");
    expect(got).toHaveLength(1);
    expect(got[0].headers["x-receiver-key"]).toBe("receiver-key-e2e");
    expect(JSON.parse(got[0].body)).toMatchObject({ type: "order.created", is_test: true });

    // The delivery log picked it up, with its attempt.
    const log = page.getByRole("region", { name: "Delivery log" });
    const row = log.getByRole("listitem").filter({ hasText: "order.created" }).first();
    await expect(row.getByText("Succeeded")).toBeVisible();
    await expect(row.getByText("Test", { exact: true })).toBeVisible();
  });

  test("a failing receiver shows the failure, the response and the retry schedule", async ({ page }) => {
    receiver.answer("/fail", { status: 500, body: "boom: database down" });
    const hook = await createWebhook(admin, "/fail", {
      failureHandling: { maxAttempts: 3, backoff: "linear", intervalSeconds: 600, suspendAfterFailures: 50 },
    });
    await signIn(page, "tester");
    await page.goto(`/developer/webhooks/${hook.id}?test=1`);
    const panel = page.getByRole("region", { name: "Send Test Event" });
    await panel.getByRole("button", { name: "Send Test Event" }).click();
    const result = panel.getByRole("region", { name: "Test result" });
    await expect(result.getByText("The receiver did not accept the test event")).toBeVisible();
    await expect(result.getByText("Failed, will retry")).toBeVisible();
    await expect(result.getByText("500", { exact: true })).toBeVisible();
    await expect(result.getByText("boom: database down")).toBeVisible();
    await expect(result.getByText("Receiver answered with an error status")).toBeVisible();
    // Linear backoff of 10 minutes: the next attempt is scheduled, not "—".
    await expect(result.getByRole("definition").filter({ hasText: /UTC$/ })).toHaveCount(2);

    const log = page.getByRole("region", { name: "Delivery log" });
    await log.getByLabel("Status").selectOption("failed");
    const row = log.getByRole("listitem").first();
    await expect(row.getByText(/1 attempt · HTTP 500 · next/)).toBeVisible();
    await row.getByRole("button", { name: "Attempts" }).click();
    await expect(row.getByText("Attempt 1")).toBeVisible();
  });

  test("a suspended webhook shows why, and Unsuspend redelivers what was diverted", async ({ page }) => {
    receiver.answer("/down", { status: 503, body: "down for maintenance" });
    const hook = await createWebhook(admin, "/down", { failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 1 } });
    expect((await sessionApi(admin).post("/events", { type: "order.created", data: { order_id: "ord_e2e" } })).status()).toBe(202);
    await expect.poll(async () => (await (await sessionApi(admin).get(`/webhooks/${hook.id}`)).json()).status, { timeout: 15_000 }).toBe("suspended");

    await signIn(page, "admin");
    await page.goto("/developer/webhooks");
    const row = page.getByRole("row", { name: new RegExp(hook.name) });
    await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
    await expect(row.getByText("Suspended automatically after 1 consecutive failed attempt.")).toBeVisible();
    await page.goto(`/developer/webhooks/${hook.id}`);
    await expect(page.getByRole("paragraph").filter({ hasText: /^Suspended since/ })).toBeVisible();
    await expect(page.getByText("Suspended automatically after 1 consecutive failed attempt.").first()).toBeVisible();

    receiver.answer("/down", { status: 200, body: "back" });
    await page.getByRole("button", { name: "Unsuspend" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("checkbox", { name: /Also redeliver the 1 event diverted/ })).toBeChecked();
    await dialog.getByRole("button", { name: "Unsuspend" }).click();
    await expect(page.getByText(/Unsuspended\. 1 diverted event is being redelivered/)).toBeVisible();
    await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
    await page.getByRole("navigation", { name: "Webhook sections" }).getByRole("link", { name: "Deliveries" }).click();
    const log = page.getByRole("region", { name: "Delivery log" });
    await expect(log.getByRole("listitem").getByText("Succeeded")).toBeVisible({ timeout: 15_000 });
    const got = receiver.received("/down");
    expect(got.length).toBe(2);
    expect(got[1].headers["webhook-id"]).toBe(got[0].headers["webhook-id"]);
  });

  test("a viewer sees no Test action and no test panel; the server refuses a forged test", async ({ page }) => {
    const hook = await createWebhook(admin, "/viewer");
    await signIn(page, "viewer");
    await page.goto(`/developer/webhooks/${hook.id}?test=1`);
    await expect(page.getByRole("region", { name: "Delivery log" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Send Test Event" })).toHaveCount(0);
    expect((await sessionApi(page).post(`/webhooks/${hook.id}/test`, { eventType: "order.created" })).status()).toBe(403);
    expect(receiver.received("/viewer")).toHaveLength(0);
  });
});
