import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { acceptInviteOnPage, sessionApi, signIn, PASSWORD } from "../fixtures/auth";

const sectionLinks = (page: Page) => page.getByRole("navigation", { name: "Sections" }).getByRole("link");

test.describe("sign-in and roles", () => {
  const expected = {
    admin: { tabs: ["Developer", "Admin"], developer: ["Overview", "Webhooks", "Event types", "Events", "Diverted events", "API keys", "Receiving webhooks"] },
    approver: { tabs: ["Developer", "Admin"], developer: ["Overview", "Webhooks", "Event types", "Events", "Diverted events", "Receiving webhooks"] },
    tester: { tabs: ["Developer", "Admin"], developer: ["Overview", "Webhooks", "Event types", "Events", "Diverted events", "Receiving webhooks"] },
    viewer: { tabs: ["Developer", "Admin"], developer: ["Overview", "Webhooks", "Event types", "Events", "Diverted events", "Receiving webhooks"] },
  } as const;

  for (const [role, want] of Object.entries(expected)) {
    test(`${role} sees the right tabs`, async ({ page }) => {
      await signIn(page, role as keyof typeof expected);
      await expect(sectionLinks(page)).toHaveText([...want.tabs]);
      // Counts ride on some links ("Diverted events 3", "Approvals 1"): match the label, then any count.
      const labelled = (labels: readonly string[]) => labels.map((l) => new RegExp(`^${l}(\\s*\\d+)?$`));
      await expect(page.getByRole("navigation", { name: "Developer pages" }).getByRole("link")).toHaveText(labelled(want.developer));
      await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Admin" }).click();
      const admin = page.getByRole("navigation", { name: "Admin pages" }).getByRole("link");
      if (role === "admin") await expect(admin).toHaveText(labelled(["Approvals", "Settings", "Alerts", "Members", "Audit log", "System"]));
      else await expect(admin).toHaveText(labelled(["Approvals", "Audit log"]));
    });
  }

  test("a viewer opening an admin URL directly is refused", async ({ page }) => {
    await signIn(page, "viewer");
    for (const path of ["/admin/members", "/developer/api-keys", "/admin/settings"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
    const forged = await sessionApi(page).post("/api-keys", { name: "forged", roles: ["admin"] });
    expect(forged.status()).toBe(403);
  });

  test("a wrong password shows a clear error and signs nobody in", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#login-error")).toHaveText("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures are rate limited with a generic message", async ({ page }) => {
    const email = `nobody-${Date.now()}@example.com`;
    await page.goto("/login");
    const submit = page.getByRole("button", { name: "Sign in", exact: true });
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("wrong");
      await submit.click();
      await expect(page.locator("#login-error")).toBeVisible();
      await expect(submit).toBeEnabled(); // the attempt has been answered
    }
    await expect(page.locator("#login-error")).toContainText("Too many failed sign-in attempts");
  });

  test("sign out ends the session", async ({ page }) => {
    await signIn(page, "viewer");
    await page.getByRole("button", { name: /viewer@example.com/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/developer/webhooks");
    await expect(page).toHaveURL(/\/login/);
  });
});

test("an API key is shown once, works as a bearer token, and gets 401 once revoked", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/developer/api-keys");
  const name = `e2e-key-${Date.now()}`;
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /admin/i }).click();
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Your new API key" });
  await expect(dialog).toContainText("will not be shown again");
  const key = (await dialog.locator("[data-secret]").textContent())!.trim();
  expect(key).toMatch(/^wck_/);
  await dialog.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();

  await page.reload();
  expect(await page.content()).not.toContain(key);

  const auth = { authorization: `Bearer ${key}` };
  const ok = await request.get(`${baseURL}/api/v1/orgs/acme/members`, { headers: auth });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).items.length).toBeGreaterThan(0);
  const created = await request.post(`${baseURL}/api/v1/orgs/acme/api-keys`, { headers: auth, data: { name: `${name}-child`, roles: ["viewer"] } });
  expect(created.status()).toBe(201); // bearer keys need no Origin
  await request.delete(`${baseURL}/api/v1/orgs/acme/api-keys/${(await created.json()).id}`, { headers: auth });

  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: `Revoke ${name}` })
    .click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  // While the modal is open the table is aria-hidden, so wait for the dialog to go before looking for the row.
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByRole("cell", { name, exact: true })).toHaveCount(0);
  const after = await request.get(`${baseURL}/api/v1/orgs/acme/members`, { headers: auth });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toContain("application/problem+json");
});

test("an admin of globex gets 404 for acme objects", async ({ browser }) => {
  const acme = await browser.newPage();
  await signIn(acme, "admin");
  const key = await (await sessionApi(acme).post("/api-keys", { name: `iso-${Date.now()}`, roles: ["viewer"] })).json();

  const globex = await (await browser.newContext()).newPage();
  await signIn(globex, "globex");
  const api = sessionApi(globex, "acme");
  for (const res of [await api.get("/members"), await api.get("/api-keys"), await api.get("/audit-log"), await api.delete(`/api-keys/${key.id}`)]) {
    expect(res.status()).toBe(404);
  }
  const own = await sessionApi(globex, "globex").delete(`/api-keys/${key.id}`);
  expect(own.status()).toBe(404);
  await sessionApi(acme).delete(`/api-keys/${key.id}`);
});

test("cookie-authenticated changes need a same-origin Origin (CSRF)", async ({ page }) => {
  await signIn(page, "admin");
  const res = await page.request.post(`${baseURL}/api/v1/orgs/acme/api-keys`, {
    data: { name: "csrf", roles: ["viewer"] },
    headers: { origin: "https://evil.example" },
  });
  expect(res.status()).toBe(403);
});

test("a role change takes effect on the member's next request", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = `member-${Date.now()}@example.com`;
  const invited = await (await sessionApi(page).post("/members", { email, roles: ["admin"] })).json();
  const memberPassword = "member-chosen-password-1";

  const member = await (await browser.newContext()).newPage();
  await acceptInviteOnPage(member, invited.invitePath, memberPassword);
  await member.goto("/login");
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill(memberPassword);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByRole("navigation", { name: "Sections" })).toBeVisible();
  await member.goto("/admin/members");
  await expect(member.getByRole("heading", { name: "Members" })).toBeVisible();

  await page.goto("/admin/members");
  await page.getByRole("button", { name: `Edit roles of ${email}` }).click();
  await page.getByRole("checkbox", { name: /admin/i }).click();
  await page.getByRole("checkbox", { name: /viewer/i }).click();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("viewer");

  const response = await member.goto("/admin/members");
  expect(response?.status()).toBe(403);
  void PASSWORD;
});

test("security headers are on every response", async ({ request }) => {
  for (const path of ["/login", "/api/v1/health", "/api/v1/openapi.json"]) {
    const res = await request.get(`${baseURL}${path}`);
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBeTruthy();
  }
});
