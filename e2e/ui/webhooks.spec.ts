import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sessionApi, signIn } from "../fixtures/auth";

// Every webhook a spec makes carries this prefix, so cleanup finds exactly ours (the org allows 10 active).
const PREFIX = "e2e-ui ";
const unique = (label: string) => `${PREFIX}${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const URL_OK = "https://example.com/hooks/e2e";

type Listed = { items: { id: string; name: string; enabled: boolean; status: string }[]; activeCount: number; activeLimit: number };

async function listAll(page: Page): Promise<Listed> {
  const res = await sessionApi(page).get("/webhooks?count=100");
  expect(res.status()).toBe(200);
  return res.json();
}

async function createViaApi(page: Page, name: string, extra: Record<string, unknown> = {}) {
  const res = await sessionApi(page).post("/webhooks", { name, url: URL_OK, auth: { type: "api_key" }, eventTypes: ["order.created"], ...extra });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

async function cleanup(page: Page) {
  const { items } = await listAll(page);
  for (const w of items.filter((w) => w.name.startsWith(PREFIX))) await sessionApi(page).delete(`/webhooks/${w.id}`);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Opens the create form and waits until it is interactive (its submit button is enabled once hydrated). */
async function openNewForm(page: Page) {
  await page.goto("/developer/webhooks/new");
  await expect(page.getByRole("button", { name: "Create Webhook" })).toBeEnabled();
}

async function fillBasics(page: Page, name: string) {
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "URL", exact: true }).fill(URL_OK);
  await page.getByRole("checkbox", { name: "order.created", exact: true }).check();
}

const revealDialog = (page: Page) => page.getByRole("dialog", { name: /created/ });

test.describe("webhooks as an admin", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "admin");
    await cleanup(page);
  });
  test.afterEach(async ({ page }) => cleanup(page));

  test("create with a generated API key, reveal once, list, edit with the keyboard, history, delete", async ({ page }) => {
    test.slow(); // the whole life cycle in one story
    const name = unique("orders");
    await openNewForm(page);
    await expect(page.getByRole("radio", { name: "Generate one for me" })).toBeChecked();
    await expect(page.getByLabel("Header name")).toHaveValue("X-Api-Key");
    await expect(page.getByRole("slider", { name: "Rate limit" })).toHaveAttribute("aria-valuenow", "10");
    await fillBasics(page, name);
    await page.getByRole("button", { name: "Create Webhook" }).click();

    // The reveal: both generated credentials, once, and only "I have saved it" closes it.
    const dialog = revealDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("will not be shown again");
    const secrets = dialog.locator("[data-secret]");
    await expect(secrets).toHaveCount(2);
    const apiKey = (await secrets.nth(0).textContent())!.trim();
    const signing = (await secrets.nth(1).textContent())!.trim();
    expect(signing).toMatch(/^whsec_/);
    expect(apiKey.length).toBeGreaterThanOrEqual(16);
    await expect(dialog.getByRole("button", { name: "Copy Signing secret" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 5);
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "I have saved it" }).click();
    await expect(page).toHaveURL(/\/developer\/webhooks\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain(signing);
    const detailsUrl = page.url();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(revealDialog(page)).toHaveCount(0);
    const html = await page.content();
    expect(html).not.toContain(signing);
    expect(html).not.toContain(apiKey);
    await page.getByRole("navigation", { name: "Webhook sections" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\?tab=settings$/);
    await expect(page.getByText("*****").first()).toBeVisible();

    // The list row with the Paxos columns.
    await page.goto("/developer/webhooks");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row).toContainText(URL_OK);
    await expect(row).toContainText("API Key");
    await expect(row).toContainText("Active");
    await expect(page.getByTestId("active-count")).toContainText(/of 10 active/);
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await expect(page.getByRole("menuitem", { name: "Test" })).toHaveAttribute("href", /\?tab=test$/);
    await expect(page.getByRole("menuitem", { name: "Delete" })).toBeVisible();

    // Edit: name and the rate limit with the keyboard only.
    await page.getByRole("menuitem", { name: "View" }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: "Edit webhook" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Update Webhook" })).toBeEnabled();
    await expect(page.getByRole("textbox", { name: "API key" })).toHaveAttribute("placeholder", "*****");
    const renamed = `${name} v2`;
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(renamed);
    const slider = page.getByRole("slider", { name: "Rate limit" });
    await slider.focus();
    await page.keyboard.press("End");
    await expect(slider).toHaveAttribute("aria-valuenow", "100");
    await page.keyboard.press("Home");
    await expect(slider).toHaveAttribute("aria-valuenow", "1");
    await page.keyboard.press("PageUp");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowLeft");
    await expect(slider).toHaveAttribute("aria-valuenow", "13");
    await expect(page.getByRole("spinbutton", { name: /Rate limit/ })).toHaveValue("13");
    await page.getByRole("button", { name: "Update Webhook" }).click();

    await expect(page).toHaveURL(detailsUrl);
    await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
    await page.getByRole("navigation", { name: "Webhook sections" }).getByRole("link", { name: "History" }).click();
    const v2 = page.getByTestId("version-2");
    await expect(v2).toContainText("Version 2");
    await expect(v2).toContainText(new RegExp(`Name\\s*from ${escapeRe(name)}\\s*→\\s*to ${escapeRe(renamed)}`));
    await expect(v2).toContainText(/Rate limit\s*from 10\s*→\s*to 13/);
    await expect(page.getByTestId("version-1")).toContainText("Created");

    // Delete, confirmed by name.
    await page.getByRole("button", { name: `Delete ${renamed}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Delete ${renamed}?` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Delete webhook" }).click();
    await expect(page).toHaveURL(/\/developer\/webhooks$/);
    await expect(page.getByText(`Webhook “${renamed}” deleted.`)).toBeVisible();
    await expect(page.getByRole("link", { name: renamed, exact: true })).toHaveCount(0);
  });

  test("create with OAuth: only the signing secret is revealed, the client secret stays masked", async ({ page }) => {
    const name = unique("oauth");
    await openNewForm(page);
    await fillBasics(page, name);
    await page.getByRole("radio", { name: "OAuth" }).check();
    await page.getByLabel("Token URL").fill("https://auth.example.com/oauth/token");
    await page.getByLabel("Client ID").fill("client-123");
    await page.getByLabel("Client secret").fill("super-secret-value");
    await page.getByLabel("Scope").fill("webhooks:write");
    await page.getByRole("button", { name: "Create Webhook" }).click();

    const dialog = revealDialog(page);
    await expect(dialog.locator("[data-secret]")).toHaveCount(1);
    await expect(dialog).toContainText("Signing secret");
    await dialog.getByRole("button", { name: "I have saved it" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("navigation", { name: "Webhook sections" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByText("https://auth.example.com/oauth/token")).toBeVisible();
    await expect(page.getByText("client-123")).toBeVisible();
    expect(await page.content()).not.toContain("super-secret-value");
    await page.goto("/developer/webhooks");
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("OAuth");

    // Delete from the list's Actions menu: the row goes, a notice says so.
    await row.getByRole("button", { name: `Actions for ${name}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Delete ${name}?` });
    await confirm.getByRole("button", { name: "Delete webhook" }).click();
    await expect(page.getByText(`Webhook “${name}” deleted.`)).toBeVisible();
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  });

  test("client-side errors show on blur, linked to their fields", async ({ page }) => {
    await openNewForm(page);
    const nameInput = page.getByRole("textbox", { name: "Name", exact: true });
    await nameInput.focus();
    await nameInput.blur();
    await expect(nameInput).toHaveAttribute("aria-invalid", "true");
    await expect(nameInput).toHaveAccessibleDescription(/Enter a name\./);
    await page.getByRole("textbox", { name: "URL", exact: true }).fill("not a url");
    await page.getByRole("textbox", { name: "URL", exact: true }).blur();
    await expect(page.getByRole("textbox", { name: "URL", exact: true })).toHaveAccessibleDescription(/Enter an absolute URL/);
    await page.getByRole("button", { name: "Create Webhook" }).click();
    await expect(page.getByTestId("form-error-summary")).toContainText("Choose at least one event type.");
  });

  test("a duplicate name is refused inline, on the Name field", async ({ page }) => {
    const name = unique("dup");
    await createViaApi(page, name);
    await openNewForm(page);
    await fillBasics(page, name.toUpperCase().replace("E2E-UI", "e2e-ui"));
    await page.getByRole("button", { name: "Create Webhook" }).click();
    const nameInput = page.getByRole("textbox", { name: "Name", exact: true });
    await expect(nameInput).toHaveAttribute("aria-invalid", "true");
    await expect(nameInput).toHaveAccessibleDescription(/already|exists|taken|unique/i);
    await expect(revealDialog(page)).toHaveCount(0);
  });

  test("the 11th active webhook is refused with a clear message in the form", async ({ page }) => {
    const { activeCount, activeLimit } = await listAll(page);
    for (let i = activeCount; i < activeLimit; i++) await createViaApi(page, unique(`fill ${i}`));
    await page.goto("/developer/webhooks");
    await expect(page.getByTestId("active-count")).toHaveText(`${activeLimit} of ${activeLimit} active`);
    await openNewForm(page);
    await fillBasics(page, unique("eleventh"));
    await page.getByRole("button", { name: "Create Webhook" }).click();
    await expect(page.getByTestId("form-error-summary")).toContainText(/10 active|active webhooks|limit/i);
    await expect(revealDialog(page)).toHaveCount(0);
  });

  test("saving over someone else's newer change is refused with a clear message", async ({ page }) => {
    const created = await createViaApi(page, unique("stale"));
    await page.goto(`/developer/webhooks/${created.id}/edit`);
    await expect(page.getByRole("button", { name: "Update Webhook" })).toBeEnabled();
    expect((await sessionApi(page).patch(`/webhooks/${created.id}`, { rateLimit: 50 })).status()).toBe(200);
    await page.getByRole("textbox", { name: "URL", exact: true }).fill("https://example.com/hooks/moved");
    await page.getByRole("button", { name: "Update Webhook" }).click();
    const summary = page.getByTestId("form-error-summary");
    await expect(summary).toContainText("Someone else changed this webhook while you were editing");
    await summary.getByRole("button", { name: "Reload the latest version" }).click();
    await expect(page.getByText("You are editing version 2.")).toBeVisible();
    await expect(page.getByRole("spinbutton", { name: /Rate limit/ })).toHaveValue("50");
  });

  test("list, new, details and edit have no serious accessibility violations", async ({ page }) => {
    const created = await createViaApi(page, unique("a11y"));
    for (const path of ["/developer/webhooks", "/developer/webhooks/new", `/developer/webhooks/${created.id}`, `/developer/webhooks/${created.id}/edit`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expectNoSeriousViolations(page);
    }
    // The form with errors showing, too.
    await openNewForm(page);
    await page.getByRole("button", { name: "Create Webhook" }).click();
    await expect(page.getByTestId("form-error-summary")).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test("a viewer sees no Create, Edit or Delete, and the server refuses them when forged", async ({ browser }) => {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin");
  await cleanup(adminPage);
  const created = await createViaApi(adminPage, unique("viewer"));

  const page = await (await browser.newContext()).newPage();
  try {
    await signIn(page, "viewer");
    await page.goto("/developer/webhooks");
    await expect(page.getByRole("link", { name: created.name, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /Create Webhook/ })).toHaveCount(0);
    await page.getByRole("button", { name: `Actions for ${created.name}` }).click();
    await expect(page.getByRole("menuitem", { name: "View" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Test" })).toHaveCount(0);
    await expect(page.getByRole("menuitem", { name: "Delete" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: created.name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: created.name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Delete|Rotate secret/ })).toHaveCount(0);
    expect((await page.goto("/developer/webhooks/new"))?.status()).toBe(403);
    expect((await page.goto(`/developer/webhooks/${created.id}/edit`))?.status()).toBe(403);

    const api = sessionApi(page);
    expect((await api.post("/webhooks", { name: unique("forged"), url: URL_OK, auth: { type: "api_key" }, eventTypes: ["order.created"] })).status()).toBe(403);
    expect((await api.patch(`/webhooks/${created.id}`, { name: "forged" })).status()).toBe(403);
    expect((await api.delete(`/webhooks/${created.id}`)).status()).toBe(403);
    expect((await api.post(`/webhooks/${created.id}/rotate-secret`)).status()).toBe(403);
    expect((await sessionApi(adminPage).get(`/webhooks/${created.id}`)).status()).toBe(200);
  } finally {
    await cleanup(adminPage);
  }
});
