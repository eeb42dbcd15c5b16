import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";
import { shoot } from "../fixtures/screens";

test("Admin → System: the embedded worker is live, the queue's figures show, and the page refreshes on its own", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin pages" }).getByRole("link", { name: "System" }).click();
  await expect(page.getByRole("heading", { name: "System", level: 1 })).toBeVisible();
  for (const figure of ["Due now", "Being sent", "Oldest due", "Deliveries / min"]) await expect(page.getByText(figure, { exact: true })).toBeVisible();

  // The e2e server runs the embedded worker: one live row, marked as such, with its heartbeat's age.
  const row = page.getByRole("region", { name: "Workers" }).getByRole("row").filter({ hasText: "(in web server)" });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Live")).toBeVisible();
  await expect(page.getByText("no worker is live")).toHaveCount(0);
  const lastSeen = row.locator("td").nth(5);
  await expect(lastSeen).toHaveText(/^\d+ s ago$/);

  // Refreshing on its own: a server-component refresh (an RSC request) every 5 s, without reloading the page (the
  // marker survives only a soft refresh). The heartbeat's age cannot show it: heartbeats also come every 5 s.
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  for (let i = 0; i < 2; i++) {
    const refresh = await page.waitForResponse((r) => new URL(r.url()).pathname === "/admin/system" && r.request().headers()["rsc"] === "1", {
      timeout: 12_000,
    });
    expect(refresh.status()).toBe(200);
  }
  await expect(lastSeen).toHaveText(/^\d+ s ago$/);
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
  await shoot(page, "admin-system");
});

test("Admin → System is for admins: a tester opening it is refused", async ({ page }) => {
  await signIn(page, "tester");
  const response = await page.goto("/admin/system");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
