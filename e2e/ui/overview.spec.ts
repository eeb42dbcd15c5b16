import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { sessionApi, signedInContext } from "../fixtures/auth";
import { startReceiver, type Receiver } from "../fixtures/receiver";

const PREFIX = "e2e-overview ";
const unique = (label: string) => `${PREFIX}${label} ${Date.now().toString(36)}`;
const EVENTS = 6;

let receiver: Receiver;
let admin: Page;
let ok: { id: string; name: string };
let failing: { id: string; name: string };

async function createWebhook(path: string, extra: Record<string, unknown> = {}) {
  const res = await sessionApi(admin).post("/webhooks", {
    name: unique(path.slice(1)),
    url: receiver.url(path),
    auth: { type: "api_key", header: "X-Key", key: "e2e-overview-key" },
    eventTypes: ["order.created"],
    ...extra,
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}
async function cleanup() {
  const { items } = (await (await sessionApi(admin).get("/webhooks?count=100")).json()) as { items: { id: string; name: string }[] };
  for (const w of items.filter((w) => w.name.startsWith(PREFIX))) await sessionApi(admin).delete(`/webhooks/${w.id}`);
}
const settled = async (id: string, status: string) =>
  ((await (await sessionApi(admin).get(`/webhooks/${id}/deliveries?count=100`)).json()) as { items: { status: string }[] }).items.filter(
    (d) => d.status === status,
  ).length;

/** The numbers of one column of a chart's table view, summed. */
async function columnSum(table: Locator, column: string) {
  const headers = await table.getByRole("columnheader").allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(", ")}`).toBeGreaterThan(0);
  const cells = await table
    .getByRole("row")
    .locator(`td:nth-child(${index + 1})`)
    .allTextContents();
  return cells.reduce((sum, c) => sum + Number(c.replaceAll(",", "") || 0), 0);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** Screenshots for looking at (SCREENSHOTS=1), at desktop and phone widths; CI skips them. */
async function screenshots(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(500); // let the charts measure their new width
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("charts", () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeAll(async ({ browser }) => {
    receiver = await startReceiver();
    ({ page: admin } = await signedInContext(() => browser.newContext(), "admin"));
    await cleanup();
    // A seeded history: every event succeeds at one webhook and is diverted at the other (one attempt, HTTP 500).
    receiver.answer("/fail", { status: 500, body: "boom" });
    ok = await createWebhook("/ok");
    failing = await createWebhook("/fail", { failureHandling: { maxAttempts: 1, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 50 } });
    for (let i = 0; i < EVENTS; i++) expect((await sessionApi(admin).post("/events", { type: "order.created", data: { i } })).status()).toBe(202);
    await expect.poll(() => settled(ok.id, "succeeded"), { timeout: 60_000 }).toBe(EVENTS);
    await expect.poll(() => settled(failing.id, "diverted"), { timeout: 60_000 }).toBe(EVENTS);
  });
  test.afterAll(async () => {
    await cleanup();
    await admin?.context().close();
    await receiver?.close();
  });

  test("a webhook's Overview tab charts its deliveries, and the table view holds the same numbers", async () => {
    await admin.goto(`/developer/webhooks/${ok.id}?tab=overview&range=1h`);
    const tabs = admin.getByRole("navigation", { name: "Webhook sections" });
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    const chart = admin.getByRole("figure", { name: "Deliveries by outcome" });
    await expect(
      chart.getByText(`Last hour: ${EVENTS} attempts, ${EVENTS} succeeded (100 %), 0 failed and retrying, 0 diverted.`, { exact: false }),
    ).toBeVisible();
    await expect(chart.getByTestId("chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await chart.getByRole("button", { name: "Show table for Deliveries by outcome" }).click();
    const table = chart.getByRole("region", { name: /Deliveries by outcome, table/ }).getByRole("table");
    expect(await columnSum(table, "Succeeded")).toBe(EVENTS);
    expect(await columnSum(table, "Diverted")).toBe(0);
    await expect(admin.getByText("100 %").first()).toBeVisible();
    await expectNoSeriousViolations(admin);
    await screenshots(admin, "webhook-overview");

    await admin.goto(`/developer/webhooks/${failing.id}?tab=overview&range=1h`);
    const failed = admin.getByRole("figure", { name: "Deliveries by outcome" });
    await expect(failed.getByText(`${EVENTS} attempts, 0 succeeded (0 %), 0 failed and retrying, ${EVENTS} diverted`, { exact: false })).toBeVisible();
    await failed.getByRole("button", { name: "Show table for Deliveries by outcome" }).click();
    expect(await columnSum(failed.getByRole("table"), "Diverted")).toBe(EVENTS);
  });

  test("Developer → Overview charts the organization, names the failing webhook, and keeps the range in the URL", async () => {
    await admin.goto("/developer/webhooks");
    await admin.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Developer" }).click();
    await expect(admin).toHaveURL(/\/developer\/overview$/);
    await expect(admin.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await admin.getByRole("link", { name: "Last hour" }).click();
    await expect(admin).toHaveURL(/range=1h/);
    await expect(admin.getByRole("link", { name: "Last hour" })).toHaveAttribute("aria-current", "page");
    const chart = admin.getByRole("figure", { name: "Deliveries by outcome" });
    await expect(chart.getByTestId("chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(admin.getByRole("figure", { name: "Latency" }).getByText(/Half of the attempts were answered within \d+ ms/)).toBeVisible();
    const top = admin.getByRole("region", { name: "Top failing webhooks" });
    await expect(top.getByRole("row").filter({ hasText: failing.name })).toContainText(`${EVENTS}`);
    await screenshots(admin, "overview");

    // The table view agrees with the summary above it (the whole org: other specs' deliveries count too).
    const summary = (await chart.locator("figcaption").textContent()) ?? "";
    const [, attempts, succeeded] = summary.match(/([\d,]+) attempts, ([\d,]+) succeeded/)!.map((v) => Number(v.replaceAll(",", "")));
    expect(succeeded).toBeGreaterThanOrEqual(EVENTS);
    await chart.getByRole("button", { name: "Show table for Deliveries by outcome" }).click();
    const table = chart.getByRole("table");
    expect(await columnSum(table, "Succeeded")).toBe(succeeded);
    expect((await columnSum(table, "Succeeded")) + (await columnSum(table, "Failed, retrying")) + (await columnSum(table, "Diverted"))).toBe(attempts);
    await expectNoSeriousViolations(admin);
  });

  test("webhook tabs are deep links that the list's Actions use; a webhook without deliveries says so", async () => {
    await admin.goto("/developer/webhooks");
    await expect(admin.getByRole("row").filter({ hasText: ok.name }).getByText("100 %")).toBeVisible();
    await expect(admin.getByRole("row").filter({ hasText: failing.name }).getByText("0 %")).toBeVisible();
    await admin.getByRole("button", { name: `Actions for ${ok.name}` }).click();
    await admin.getByRole("menuitem", { name: "Test" }).click();
    await expect(admin).toHaveURL(new RegExp(`/developer/webhooks/${ok.id}\\?tab=test$`));
    await expect(admin.getByRole("region", { name: "Send Test Event" })).toBeVisible();
    await screenshots(admin, "webhook-test");
    await admin.goto("/developer/webhooks");
    await admin.getByRole("button", { name: `Actions for ${ok.name}` }).click();
    await admin.getByRole("menuitem", { name: "View" }).click();
    const tabs = admin.getByRole("navigation", { name: "Webhook sections" });
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

    await tabs.getByRole("link", { name: "Deliveries" }).click();
    await expect(admin).toHaveURL(/\?tab=deliveries$/);
    await expect(admin.getByRole("region", { name: "Delivery log" })).toBeVisible();
    await screenshots(admin, "webhook-deliveries");
    await tabs.getByRole("link", { name: "Settings" }).click();
    await expect(admin.getByRole("heading", { name: /^Settings/ })).toBeVisible();
    await screenshots(admin, "webhook-settings");
    await tabs.getByRole("link", { name: "History" }).click();
    await expect(admin.getByTestId("version-1")).toContainText("Created");
    await screenshots(admin, "webhook-history");
    await admin.reload();
    await expect(tabs.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");
    await expectNoSeriousViolations(admin);

    const quiet = await createWebhook("/quiet", { eventTypes: ["order.canceled"] });
    await admin.goto(`/developer/webhooks/${quiet.id}?tab=nonsense`);
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(admin.getByRole("heading", { name: "No deliveries in this range" })).toBeVisible();
    await screenshots(admin, "webhook-empty");
  });
});
