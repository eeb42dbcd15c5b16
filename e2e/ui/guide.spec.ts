import { expect, test } from "@playwright/test";
import { sessionApi, signIn } from "../fixtures/auth";

// Developer → Receiving webhooks, reached from a webhook's page with that webhook's settings filled in.
test("a webhook's page links to the receiving guide with its path and header filled in", async ({ page }, testInfo) => {
  test.slow(); // four tabs, two full-page screenshots
  await signIn(page, "admin");
  const name = `e2e-guide ${Date.now().toString(36)}`;
  const res = await sessionApi(page).post("/webhooks", {
    name,
    url: "https://example.com/hooks/guide",
    auth: { type: "api_key", header: "X-Guide-Key" },
    eventTypes: ["order.created"],
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  try {
    await page.goto(`/developer/webhooks/${id}`);
    await page.getByRole("link", { name: "How to receive these" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Receiving webhooks" })).toBeVisible();
    const settings = page.getByText(`export WEBHOOK_PATH='/hooks/guide'`);
    await expect(settings).toBeVisible();
    await expect(page.getByText("export API_KEY_HEADER='X-Guide-Key'")).toBeVisible();
    await expect(page.getByText("export WEBHOOK_SECRET='whsec_…'")).toBeVisible();

    // The receivers are the tested source files, one tab per language.
    for (const [tab, line] of [
      ["Python", "def verify_signature(msg_id, timestamp, signatures, body):"],
      ["Go", "func verifySignature(id, timestamp, signatures string, body []byte) bool {"],
      ["Java", "static boolean verifySignature(String id, String timestamp, String signatures, byte[] body) throws Exception {"],
      ["Node.js (TypeScript)", "export function verifySignature(id: string, timestamp: string, signatures: string, body: Buffer): boolean {"],
    ]) {
      await page.getByRole("tab", { name: tab }).click();
      await expect(page.getByRole("tabpanel").getByText(line, { exact: false })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "Envelope fields" }).getByRole("cell", { name: "is_test", exact: true })).toBeVisible();
    const example = page.locator("details").filter({ has: page.getByText("order.created", { exact: true }) });
    await example.locator("summary").click();
    await expect(example.locator("pre")).toContainText('"type": "order.created"');

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: testInfo.outputPath(`receiving-webhooks-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `no sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
    }
  } finally {
    await sessionApi(page).delete(`/webhooks/${id}`);
  }
});
