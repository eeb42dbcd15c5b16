import { expect, test } from "@playwright/test";
import { sessionApi, signIn } from "../fixtures/auth";

// Issue 9: a custom header marked secret shows ***** and a ticked "Secret" box in the edit form, never its value.
const SHOTS = process.env.SCREENSHOT_DIR ?? "test-results/secret-headers";
const VALUE = "tenant-token-e2e-5d1f";

test("the edit form shows a secret header as ***** with Secret ticked; the page never carries the value", async ({ page }) => {
  await signIn(page, "admin");
  const res = await sessionApi(page).post("/webhooks", {
    name: `secret header ${Date.now().toString(36)}`,
    url: "https://example.com/hooks/secret",
    auth: { type: "api_key", header: "X-Api-Key", key: "the-stored-key-123" },
    eventTypes: ["order.created"],
    headers: { "X-Tenant-Token": [VALUE], "X-Team": ["pay"] },
    secretHeaders: ["X-Tenant-Token"],
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await page.goto(`/developer/webhooks/${id}/edit`);
  const names = page.getByRole("textbox", { name: /Header \d+ name/ });
  await expect(names).toHaveCount(2);
  const row = (await names.nth(0).inputValue()) === "X-Tenant-Token" ? 1 : 2;
  await expect(page.getByLabel(`Header ${row} value`)).toHaveValue("*****");
  await expect(page.getByRole("checkbox", { name: "Secret" }).nth(row - 1)).toBeChecked();
  expect(await page.content()).not.toContain(VALUE);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.getByLabel(`Header ${row} value`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/edit-secret-header-${width}.png` });
  }
});
