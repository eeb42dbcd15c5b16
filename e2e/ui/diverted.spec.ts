import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sessionApi, signIn, signedInContext } from "../fixtures/auth";

// Every webhook this spec makes carries this prefix, so cleanup finds exactly ours.
const PREFIX = "e2e-diverted ";
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ONCE = { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 10 };

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; answered: number };

/** A real receiver on 127.0.0.1: answers `status` (500 until a test says otherwise) and records every request. */
function startReceiver() {
  const received: Received[] = [];
  const state = { status: 500 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), answered: state.status });
      res.writeHead(state.status, { "content-type": "text/plain" }).end(state.status < 300 ? "ok" : "boom");
    });
  });
  return new Promise<{ url: string; received: Received[]; state: typeof state; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        received,
        state,
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      }),
    ),
  );
}

async function cleanup(page: Page) {
  const res = await sessionApi(page).get("/webhooks?count=100");
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  for (const w of items.filter((w) => w.name.startsWith(PREFIX))) await sessionApi(page).delete(`/webhooks/${w.id}`);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => receiver?.close());

/** A webhook that gives up after one attempt, and an event for it that the failing receiver diverts. */
async function divertOne(page: Page) {
  receiver.state.status = 500;
  const name = `${PREFIX}orders ${suffix()}`;
  const path = `/hooks/${suffix()}`;
  const created = await sessionApi(page).post("/webhooks", {
    name,
    url: `${receiver.url}${path}`,
    auth: { type: "api_key" },
    eventTypes: ["order.created"],
    failureHandling: ONCE,
  });
  expect(created.status(), await created.text()).toBe(201);
  const webhook = (await created.json()) as { id: string };
  const eventId = `evt_e2e_${suffix()}`;
  const published = await sessionApi(page).post("/events", {
    id: eventId,
    type: "order.created",
    data: { orderId: `ord_${suffix()}`, amount: 4200, currency: "EUR" },
  });
  expect(published.status(), await published.text()).toBe(202);
  await expect
    .poll(async () => ((await (await sessionApi(page).get(`/diverted-events?webhookId=${webhook.id}`)).json()) as { items: unknown[] }).items.length, {
      timeout: 20_000,
    })
    .toBe(1);
  return { name, path, webhookId: webhook.id, eventId };
}

test.describe("diverted events", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "admin");
    await cleanup(page);
  });
  test.afterEach(async ({ page }) => cleanup(page));

  test("a failed delivery is diverted, shown on Events and Diverted events, and an admin redelivers it", async ({ page }) => {
    test.slow();
    const { name, path, webhookId, eventId } = await divertOne(page);
    const first = receiver.received.filter((r) => r.path === path);
    expect(first).toHaveLength(1);
    const webhookIdHeader = first[0].headers["webhook-id"];
    expect(webhookIdHeader).toBe(eventId);

    // Events: newest first, with the diverted count.
    await page.goto("/developer/events?type=order.created");
    const eventRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: eventId }) });
    await expect(eventRow).toContainText("1 diverted");
    await expectNoSeriousViolations(page);

    // Event details: the payload and where it went.
    await eventRow.getByRole("link", { name: eventId }).click();
    await expect(page.getByRole("heading", { level: 1, name: "order.created" })).toBeVisible();
    await expect(page.locator("pre")).toContainText('"amount": 4200');
    const deliveryRow = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
    await expect(deliveryRow).toContainText("Diverted");
    await expect(deliveryRow).toContainText("HTTP 500");
    await expectNoSeriousViolations(page);

    // Diverted events, filtered by the webhook.
    await page.goto("/developer/diverted-events");
    await page.getByLabel("Webhook").selectOption({ label: name });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`webhookId=${webhookId}`));
    const row = page.getByRole("row").filter({ hasText: eventId });
    await expect(row).toContainText("Retries exhausted");
    await expect(row).toContainText("HTTP 500");
    await expect(page.getByRole("button", { name: "Redeliver all for this webhook" })).toBeVisible();
    await expectNoSeriousViolations(page);

    // The endpoint is fixed; redeliver the selected row.
    receiver.state.status = 200;
    const redeliver = page.getByRole("button", { name: "Redeliver selected" });
    await expect(redeliver).toBeDisabled();
    await row.getByRole("checkbox").check();
    await expect(page.getByText("1 selected")).toBeVisible();
    await redeliver.click();
    await expect(page.getByRole("status").filter({ hasText: "Requeued 1 delivery for redelivery." })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: eventId })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: `Nothing diverted for ${name}` })).toBeVisible();

    // The receiver gets it again, with the same webhook-id as the first attempt.
    await expect.poll(() => receiver.received.filter((r) => r.path === path && r.answered === 200).length, { timeout: 20_000 }).toBe(1);
    const again = receiver.received.filter((r) => r.path === path);
    expect(again.map((r) => r.headers["webhook-id"])).toEqual([webhookIdHeader, webhookIdHeader]);
    expect(JSON.parse(again[1].body)).toMatchObject({ id: eventId, type: "order.created", object: "event", is_test: false });

    // Events now count it as succeeded.
    await page.goto("/developer/events?type=order.created");
    await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: eventId }) })).toContainText("1 succeeded");
  });

  test("an admin deletes a diverted delivery after confirming; a tester sees the list without actions", async ({ page, browser }) => {
    const { name, webhookId, eventId } = await divertOne(page);
    const tester = await signedInContext(() => browser.newContext(), "tester");
    await tester.page.goto(`/developer/diverted-events?webhookId=${webhookId}`);
    await expect(tester.page.getByRole("row").filter({ hasText: eventId })).toBeVisible();
    await expect(tester.page.getByRole("checkbox")).toHaveCount(0);
    await expect(tester.page.getByRole("button", { name: /Redeliver|Delete/ })).toHaveCount(0);
    await tester.context.close();

    await page.goto(`/developer/diverted-events?webhookId=${webhookId}`);
    await page.getByRole("row").filter({ hasText: eventId }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete 1 diverted delivery?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("row").filter({ hasText: eventId })).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deleted 1 diverted delivery." })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Nothing diverted for ${name}` })).toBeVisible();
    const left = await sessionApi(page).get(`/diverted-events?webhookId=${webhookId}`);
    expect(((await left.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  test("an unknown event id is the 404 page", async ({ page }) => {
    const response = await page.goto("/developer/events/evt_does_not_exist_anywhere");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  });
});
