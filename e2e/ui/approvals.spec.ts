import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { sessionApi, signIn, USERS } from "../fixtures/auth";
import { startReceiver, type Receiver } from "../../lib/testing/receiver";
import { startSmtpServer } from "../../lib/testing/smtp";
import { smtpPort } from "../../playwright.config";

// Two people in two browsers: the admin asks, the approver decides. Every webhook here carries this prefix.
const PREFIX = "e2e-approvals ";
const unique = (label: string) => `${PREFIX}${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const OFF = { approvals: { create: false, update: false, delete: false }, approvalExpiryDays: 7 };

let receiver: Receiver;
let admin: Page;
let approver: Page;

async function newSignedIn(browser: Browser, who: "admin" | "approver") {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

async function setApprovals(approvals: Partial<typeof OFF.approvals>) {
  const res = await sessionApi(admin).patch("/settings", { approvals });
  expect(res.status(), await res.text()).toBe(200);
}

async function createViaApi(name: string) {
  const res = await sessionApi(admin).post("/webhooks", { name, url: `${receiver.url}/hook`, auth: { type: "api_key" }, eventTypes: ["order.created"] });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

/** While approvals are on, switching one off is itself a request: the approver (another person) approves it. */
async function switchOff(patch: Record<string, unknown>) {
  const off = await sessionApi(admin).patch("/settings", patch);
  if (off.status() === 202) {
    const { changeRequest } = (await off.json()) as { changeRequest: { id: string } };
    const approved = await sessionApi(approver).post(`/change-requests/${changeRequest.id}/approve`);
    expect(approved.status(), await approved.text()).toBe(200);
  } else expect(off.status(), await off.text()).toBe(200);
}

async function cleanup() {
  await switchOff(OFF);
  const { items } = (await (await sessionApi(admin).get("/webhooks?count=100")).json()) as { items: { id: string; name: string }[] };
  for (const w of items.filter((w) => w.name.startsWith(PREFIX))) await sessionApi(admin).delete(`/webhooks/${w.id}`);
}

/** The approver opens a request from the inbox, as they would: Admin → Approvals → the row. */
async function openFromInbox(page: Page, name: string) {
  await page.goto("/admin/approvals");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/approvals\/[0-9a-f-]{36}$/);
}

test.describe.configure({ mode: "serial" });

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
test.beforeAll(async ({ browser }) => {
  receiver = await startReceiver();
  smtp = await startSmtpServer({ port: smtpPort }); // the e2e server's SMTP_URL points here
  admin = await newSignedIn(browser, "admin");
  approver = await newSignedIn(browser, "approver");
  await cleanup();
});

test.beforeEach(async () => cleanup()); // each story starts with approvals off and none of our webhooks

test.afterAll(async () => {
  await cleanup(); // approvals off again: other specs on this server expect changes to apply at once
  await Promise.all([receiver.close(), smtp.close()]);
});

test("creation: settings page turns approvals on, Submit for Approval, one-time reveal, Pending, approved → Active, a tester's test event arrives", async ({
  browser,
}) => {
  test.slow();
  // Settings: a field error from the server, then a save.
  await admin.goto("/admin/settings");
  const expiry = admin.getByRole("spinbutton", { name: "Request expiry (days)" });
  await expect(expiry).toHaveValue("7");
  await expiry.fill("0");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(expiry).toHaveAttribute("aria-invalid", "true");
  await expect(expiry).toHaveAccessibleDescription(/at least 1 day/);
  await expiry.fill("7");
  await admin.getByRole("switch", { name: "Creating a webhook" }).click();
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();
  await expect(expiry).not.toHaveAttribute("aria-invalid", "true");
  expect(((await (await sessionApi(admin).get("/settings")).json()) as typeof OFF).approvals).toEqual({ create: true, update: false, delete: false });

  // Create: the button says what will happen; the generated credentials are still revealed once.
  const name = unique("create");
  await admin.goto("/developer/webhooks/new");
  const submit = admin.getByRole("button", { name: "Submit for Approval" });
  await expect(submit).toBeEnabled();
  await admin.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await admin.getByRole("textbox", { name: "URL", exact: true }).fill(`${receiver.url}/hook`);
  await admin.getByRole("checkbox", { name: "order.created", exact: true }).check();
  await submit.click();
  const reveal = admin.getByRole("dialog", { name: /pending approval/ });
  await expect(reveal).toBeVisible();
  await expect(reveal.locator("[data-secret]")).toHaveCount(2);
  const signing = (await reveal.locator("[data-secret]").nth(1).textContent())!.trim();
  expect(signing).toMatch(/^whsec_/);
  await reveal.getByRole("button", { name: "I have saved it" }).click();
  await expect(admin).toHaveURL(/\/admin\/approvals\/[0-9a-f-]{36}$/);
  const requestUrl = admin.url();
  await expect(admin.getByText(/^Submitted for approval/)).toBeVisible();
  await expect(admin.getByRole("heading", { level: 1, name: `Create “${name}”` })).toBeVisible();
  // The demo admin is no approver: no review buttons, only Cancel.
  await expect(admin.getByText("You submitted this request; another approver must review it.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Cancel request" })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  expect(await admin.content()).not.toContain(signing);

  await admin.goto("/developer/webhooks");
  const row = admin.getByRole("row").filter({ has: admin.getByRole("link", { name, exact: true }) });
  await expect(row.getByRole("link", { name: "Pending" })).toHaveAttribute("href", new URL(requestUrl).pathname);

  // The approver is told (change_request.submitted): by e-mail through a real SMTP server, and under the bell. The
  // requester is not.
  const told = (to: string) => smtp.messages.find((m) => m.to.includes(to) && m.text.includes(`the webhook ${name} waits for approval`));
  await expect.poll(() => Boolean(told(USERS.approver)), { timeout: 20_000 }).toBe(true);
  expect(told(USERS.admin)).toBeUndefined();
  await approver.goto("/notifications");
  await expect(approver.getByRole("link", { name: new RegExp(`asks to create ${name}`) })).toBeVisible();

  // The approver: inbox → request → diff → checks → approve.
  await openFromInbox(approver, name);
  expect(approver.url()).toBe(requestUrl);
  const diff = approver.getByRole("region", { name: "Proposed change" });
  await expect(diff).toContainText(`${receiver.url}/hook`);
  await expect(diff).toContainText("Signing secret");
  expect(await approver.content()).not.toContain(signing);
  await approver.getByRole("button", { name: "Run checks" }).click();
  await expect(approver.getByTestId("check-url")).toContainText("Passed");
  await expect(approver.getByTestId("check-ping")).toContainText("Passed");
  await expect(approver.getByTestId("check-oauth_token")).toContainText("Skipped");
  await approver.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(approver.getByTestId("decision")).toContainText(`Approved by ${USERS.approver}`);
  await expect(approver.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);

  // The requester: a notice on the next page load (once), and the webhook is Active.
  await admin.goto("/developer/webhooks");
  const notice = admin.getByTestId("decision-notices");
  await expect(notice).toContainText(`Create “${name}”`);
  await expect(notice).toContainText("Approved");
  await expect(notice.getByRole("link", { name: `Create “${name}”` })).toHaveAttribute("href", new URL(requestUrl).pathname);
  await expect(row).toContainText("Active");
  await admin.reload();
  await expect(admin.getByTestId("decision-notices")).toHaveCount(0);

  // The approved webhook is live: a tester's test event reaches the receiver.
  const tester = await (await browser.newContext()).newPage();
  await signIn(tester, "tester");
  await tester.goto("/developer/webhooks");
  await tester.getByRole("button", { name: `Actions for ${name}` }).click();
  await tester.getByRole("menuitem", { name: "Test" }).click();
  const before = receiver.requests.filter((r) => r.path === "/hook").length;
  await tester.getByRole("region", { name: "Send Test Event" }).getByRole("button", { name: "Send Test Event" }).click();
  await expect(tester.getByRole("region", { name: "Test result" }).getByText("The receiver accepted the test event")).toBeVisible();
  const arrived = receiver.requests.filter((r) => r.path === "/hook").slice(before);
  expect(arrived).toHaveLength(1);
  expect(JSON.parse(arrived[0].body)).toMatchObject({ type: "order.created", is_test: true });
  await tester.context().close();
});

test("update: Change pending links to the request; approved → the new value is live", async () => {
  const created = await createViaApi(unique("update"));
  await setApprovals({ update: true });
  await admin.goto(`/developer/webhooks/${created.id}/edit`);
  await admin.getByRole("textbox", { name: "URL", exact: true }).fill(`${receiver.url}/moved`);
  await admin.getByRole("button", { name: "Submit for Approval" }).click();
  await expect(admin).toHaveURL(/\/admin\/approvals\/[0-9a-f-]{36}$/);
  const requestPath = new URL(admin.url()).pathname;

  await admin.goto(`/developer/webhooks/${created.id}`);
  await expect(admin.getByText(`${receiver.url}/hook`).first()).toBeVisible(); // still the live value
  await admin.getByRole("link", { name: "Change pending" }).first().click();
  await expect(admin).toHaveURL(requestPath);

  await approver.goto(requestPath);
  const urlRow = approver.getByRole("row").filter({ has: approver.getByRole("rowheader", { name: /^URL/ }) });
  await expect(urlRow).toContainText(`${receiver.url}/hook`);
  await expect(urlRow).toContainText(`${receiver.url}/moved`);
  await expect(urlRow).toContainText("Changed");
  await approver.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(approver.getByTestId("decision")).toContainText("Approved");

  const live = (await (await sessionApi(admin).get(`/webhooks/${created.id}`)).json()) as {
    url: string;
    version: number;
    pendingChangeRequestId: string | null;
  };
  expect(live).toMatchObject({ url: `${receiver.url}/moved`, version: 2, pendingChangeRequestId: null });
  await admin.goto(`/developer/webhooks/${created.id}`);
  await expect(admin.getByRole("link", { name: "Change pending" })).toHaveCount(0);
});

test("delete: Submit for Approval in the dialog; approved → the webhook is gone", async () => {
  const created = await createViaApi(unique("delete"));
  await setApprovals({ delete: true });
  await admin.goto(`/developer/webhooks/${created.id}`);
  await admin.getByRole("button", { name: `Delete ${created.name}` }).click();
  const confirm = admin.getByRole("alertdialog", { name: `Delete ${created.name}?` });
  await expect(confirm).toContainText("requires approval");
  await confirm.getByRole("button", { name: "Submit for Approval" }).click();
  await expect(admin).toHaveURL(/\/admin\/approvals\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole("heading", { level: 1, name: `Delete “${created.name}”` })).toBeVisible();
  expect((await sessionApi(admin).get(`/webhooks/${created.id}`)).status()).toBe(200);

  await openFromInbox(approver, created.name);
  await expect(approver.getByRole("heading", { level: 2, name: "What would be deleted" })).toBeVisible();
  await approver.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(approver.getByTestId("decision")).toContainText("The webhook was deleted.");
  expect((await sessionApi(admin).get(`/webhooks/${created.id}`)).status()).toBe(404);
});

test("reject needs a reason, and the requester reads it", async () => {
  const created = await createViaApi(unique("reject"));
  await setApprovals({ update: true });
  const submitted = await sessionApi(admin).patch(`/webhooks/${created.id}`, { rateLimit: 42 });
  expect(submitted.status()).toBe(202);
  const { changeRequest } = (await submitted.json()) as { changeRequest: { id: string } };

  await approver.goto(`/admin/approvals/${changeRequest.id}`);
  await approver.getByRole("button", { name: "Reject", exact: true }).click();
  const dialog = approver.getByRole("dialog", { name: "Reject this request?" });
  await dialog.getByRole("button", { name: "Reject request" }).click();
  const reason = dialog.getByRole("textbox", { name: "Reason" });
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription("Give a reason: the requester sees it.");
  await reason.fill("42 req/s is more than the receiver can take.");
  await dialog.getByRole("button", { name: "Reject request" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(approver.getByTestId("decision")).toContainText(`Rejected by ${USERS.approver}`);

  await admin.goto("/developer/webhooks");
  await expect(admin.getByTestId("decision-notices")).toContainText("Reason: 42 req/s is more than the receiver can take.");
  await admin.goto(`/admin/approvals/${changeRequest.id}`);
  await expect(admin.getByTestId("decision")).toContainText("42 req/s is more than the receiver can take.");
  await expect(admin.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  expect(((await (await sessionApi(admin).get(`/webhooks/${created.id}`)).json()) as { rateLimit: number }).rateLimit).toBe(10);
});

test("a webhook changed after the request: approving says the request is stale", async () => {
  const created = await createViaApi(unique("stale"));
  await setApprovals({ update: true });
  const submitted = await sessionApi(admin).patch(`/webhooks/${created.id}`, { rateLimit: 20 });
  const { changeRequest } = (await submitted.json()) as { changeRequest: { id: string } };
  await approver.goto(`/admin/approvals/${changeRequest.id}`);
  await expect(approver.getByRole("button", { name: "Approve", exact: true })).toBeEnabled();
  // Approvals off for a moment (itself approved by the approver): a direct change moves the webhook on under the open request.
  await switchOff({ approvals: { update: false } });
  expect((await sessionApi(admin).patch(`/webhooks/${created.id}`, { rateLimit: 30 })).status()).toBe(200);
  await approver.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(approver.getByRole("alert").filter({ hasText: "The webhook changed since this request was made; the request is now stale" })).toBeVisible();
  await expect(approver.getByTestId("decision")).toContainText("Stale: nothing was changed");
});

test("someone who is both admin and approver cannot approve their own request, and can cancel it", async () => {
  const members = (await (await sessionApi(admin).get("/members")).json()) as { items: { userId: string; email: string; roles: string[] }[] };
  const them = members.items.find((m) => m.email === USERS.approver)!;
  expect((await sessionApi(admin).patch(`/members/${them.userId}`, { roles: ["approver", "admin"] })).status()).toBe(200);
  try {
    const created = await createViaApi(unique("self"));
    await setApprovals({ update: true });
    const submitted = await sessionApi(approver).patch(`/webhooks/${created.id}`, { rateLimit: 11 });
    expect(submitted.status()).toBe(202);
    const { changeRequest } = (await submitted.json()) as { changeRequest: { id: string } };

    await approver.goto(`/admin/approvals/${changeRequest.id}`);
    await expect(approver.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
    await expect(approver.getByText("You submitted this request; another approver must review it.")).toBeVisible();
    await expect(approver.getByRole("button", { name: "Reject", exact: true })).toHaveCount(0);
    expect((await sessionApi(approver).post(`/change-requests/${changeRequest.id}/approve`)).status()).toBe(403);
    await approver.getByRole("button", { name: "Cancel request" }).click();
    await approver.getByRole("alertdialog", { name: "Cancel this request?" }).getByRole("button", { name: "Cancel request" }).click();
    await expect(approver.getByTestId("decision")).toContainText("Cancelled by the requester");
  } finally {
    await sessionApi(admin).patch(`/members/${them.userId}`, { roles: ["approver"] });
  }
});

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("settings, the request page and the reject dialog have no serious accessibility violations", async () => {
  const created = await createViaApi(unique("a11y"));
  await setApprovals({ update: true });
  const { changeRequest } = (await (await sessionApi(admin).patch(`/webhooks/${created.id}`, { rateLimit: 12 })).json()) as { changeRequest: { id: string } };
  await admin.goto("/admin/settings");
  await expectNoSeriousViolations(admin);
  await admin.goto(`/admin/approvals/${changeRequest.id}`);
  await expectNoSeriousViolations(admin);
  await approver.goto(`/admin/approvals/${changeRequest.id}`);
  await approver.getByRole("button", { name: "Run checks" }).click();
  await expect(approver.getByTestId("check-ping")).toBeVisible();
  await expectNoSeriousViolations(approver);
  await approver.getByRole("button", { name: "Reject", exact: true }).click();
  await approver.getByRole("button", { name: "Reject request" }).click();
  await expect(approver.getByRole("textbox", { name: "Reason" })).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousViolations(approver);
});

test("an unknown or malformed request id is the 404 page", async () => {
  expect((await approver.goto("/admin/approvals/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await approver.goto("/admin/approvals/not-an-id"))?.status()).toBe(404);
  expect((await approver.goto("/admin/settings"))?.status()).toBe(403);
});
