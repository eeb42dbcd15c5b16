import { expect, test } from "@playwright/test";
import { acceptInviteOnPage, sessionApi, signIn } from "../fixtures/auth";

// Invites as one-time links (issue 9): the inviter gets a link, never a password; the invitee chooses their own.

const shots = process.env.E2E_SCREENSHOTS; // a folder: screenshots at 1280 and 390 px for a human to look at
test.describe.configure({ timeout: 180_000 }); // two browser contexts and a sign-in each, on a shared machine

test("invite → accept page → choose a password → sign in; the Members page lists Invited with revoke", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = `invitee-${Date.now()}@example.com`;
  await page.goto("/admin/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a member" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Invite", exact: true }).click();

  const shown = page.getByRole("dialog", { name: `Invitation link for ${email}` });
  await expect(shown).toContainText("not a password");
  const link = (await shown.locator("[data-invite-link]").textContent())!.trim();
  expect(link).toMatch(/\/invite\/wci_/);
  await shown.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("Invited");
  await expect(row.getByRole("button", { name: `Revoke invitation for ${email}` })).toBeVisible();
  if (shots) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/members-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const invitee = await (await browser.newContext()).newPage();
  const path = new URL(link).pathname;
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "Join Acme Payments" })).toBeVisible();
  if (shots) {
    for (const width of [1280, 390]) {
      await invitee.setViewportSize({ width, height: 800 });
      await invitee.screenshot({ path: `${shots}/accept-${width}.png`, fullPage: true });
    }
  }
  await invitee.getByLabel(/^Password/).fill("too-short");
  await invitee.getByLabel(/^Confirm password/).fill("too-short");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.getByText("Use at least 12 characters.")).toBeVisible();
  await acceptInviteOnPage(invitee, path, "invitee-chosen-password-1", "Ivy Invitee");

  await invitee.getByRole("link", { name: "Sign in" }).click();
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill("invitee-chosen-password-1");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("navigation", { name: "Sections" })).toBeVisible();

  // The link worked once.
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).not.toContainText("Invited");
  await invitee.context().close();
});

test("a revoked invitation's link stops working at once", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = `revoked-${Date.now()}@example.com`;
  const invited = await (await sessionApi(page).post("/members", { email, roles: ["viewer"] })).json();
  await page.goto("/admin/members");
  await page.getByRole("button", { name: `Revoke invitation for ${email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(invited.invitePath);
  await expect(stranger.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  await expect(stranger.getByLabel(/^Password/)).toHaveCount(0);
  await stranger.context().close();
});
