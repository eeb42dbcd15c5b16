import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../fixtures/auth";
import { NAV } from "../../lib/nav/nav-config";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page);
});

test("every console page has no serious accessibility violations", async ({ page }) => {
  test.slow(); // axe on every page of the navigation, Events and Diverted events included
  await signIn(page, "admin");
  for (const link of NAV.flatMap((s) => s.links)) {
    const response = await page.goto(link.href);
    expect(response?.status(), link.href).toBe(200);
    await expectNoSeriousViolations(page);
  }
});
