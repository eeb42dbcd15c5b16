import http from "node:http";
import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { test, expect, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { PASSWORD, USERS, signIn } from "../fixtures/auth";

const SHOTS = "screenshots";
async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Collects CSP violations the page reports (a blocked script would break hydration silently). */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

/** One request from a chosen loopback source address, the way a second machine would connect. */
function request(from: string, method: string, url: string, { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        localAddress: from,
        headers: { ...headers, ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A credentials sign-in through next-auth's own endpoint; returns where it redirects. */
async function signInFrom(from: string, email: string, password: string, extraHeaders: Record<string, string> = {}) {
  const csrf = await request(from, "GET", `${baseURL}/api/auth/csrf`);
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/developer/webhooks" }).toString();
  const res = await request(from, "POST", `${baseURL}/api/auth/callback/credentials`, { body, headers: { cookie, ...extraHeaders } });
  const location = String(res.headers.location ?? "");
  const session = (res.headers["set-cookie"] ?? []).some((c) => c.includes("session-token=") && !c.includes("session-token=;"));
  return { location, session };
}

test.describe("demo mode (security)", () => {
  test("says it is a demo on every page, and pages hydrate under a nonce CSP without 'unsafe-inline'", async ({ page }) => {
    test.setTimeout(180_000); // four full-page screenshots
    const violations = await watchCsp(page);
    const res = await page.goto("/login");
    const csp = res!.headers()["content-security-policy"];
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    // A new nonce per request.
    const again = (await page.request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);

    await expect(page.getByRole("note", { name: "Demo data" })).toContainText("public passwords");
    await expect(page.getByText("Demo:")).toContainText(PASSWORD);
    await shoot(page, "login-demo");
    await signIn(page, "admin");
    await expect(page.getByRole("note", { name: "Demo data" })).toBeVisible();
    // Hydrated: a client-side menu opens.
    await page.getByRole("button", { name: /Ada Admin|admin@example.com/ }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await page.keyboard.press("Escape");
    await shoot(page, "console-demo-banner");
    expect(violations).toEqual([]);
  });
});

test.describe("sign-in throttling from two addresses (security)", () => {
  test("the attacker at 127.0.0.2 is slowed down; the user at 127.0.0.3 signs in at once", async () => {
    test.setTimeout(120_000);
    const email = USERS.tester;
    // The attacker also claims to be the user's address: X-Forwarded-For is not believed without trusted proxies.
    const spoof = { "x-forwarded-for": "127.0.0.3" };
    for (let i = 0; i < 5; i++) {
      const r = await signInFrom("127.0.0.2", email, `wrong-${i}`, spoof);
      expect(r.location).toContain("code=credentials");
    }
    const limited = await signInFrom("127.0.0.2", email, PASSWORD, spoof);
    expect(limited.location).toContain("code=rate_limited");
    expect(limited.session).toBe(false);
    const user = await signInFrom("127.0.0.3", email, PASSWORD);
    expect(user.location).toMatch(/\/developer\/webhooks$/);
    expect(user.session).toBe(true);
  });
});

test.describe("a real install (security)", () => {
  const port = Number(process.env.E2E_SETUP_PORT ?? Number(new URL(baseURL).port) + 1);
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = `.data-e2e-setup-${port}`;
  let server: ChildProcess | undefined;
  let log = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, AUTH_TRUST_HOST: "true", PORT: String(port), WORKER: "off", AUTH_URL: origin };
    delete env.DEMO;
    server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout!.on("data", (c) => (log += c));
    server.stderr!.on("data", (c) => (log += c));
    for (let i = 0; i < 170; i++) {
      if (/setup token[^:]*: wcsetup_/.test(log)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("has no demo accounts; the setup token from the log creates the first admin once", async ({ page }) => {
    test.setTimeout(120_000);
    const token = /(wcsetup_[A-Za-z0-9_-]+)/.exec(log)?.[1];
    expect(token, log).toBeTruthy();
    const violations = await watchCsp(page);
    await page.goto(`${origin}/login`);
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByRole("note", { name: "Demo data" })).toHaveCount(0);
    await expect(page.getByText("demo-password-1")).toHaveCount(0);
    await shoot(page, "login-install");
    // The demo password opens nothing here.
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A full-cost password hash (the same for unknown e-mails): slow on a loaded machine.
    await expect(page.locator("#login-error")).toContainText("incorrect", { timeout: 30_000 });

    await page.getByRole("link", { name: "Create the first admin" }).click();
    await expect(page.getByRole("heading", { name: "Set up Webhook Console" })).toBeVisible();
    await page.getByLabel("Setup token").fill("wcsetup_not-the-token");
    await page.getByLabel("Organization name").fill("Initech Payments");
    await page.getByLabel("Your name").fill("Peter Gibbons");
    await page.getByLabel("Your email").fill("peter@initech.example");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create organization and admin" }).click();
    await expect(page.getByText("Use at least 12 characters.")).toBeVisible({ timeout: 30_000 });
    await shoot(page, "setup-errors");
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create organization and admin" }).click();
    await expect(page.getByText("This setup token is not valid.", { exact: false })).toBeVisible({ timeout: 30_000 });
    await page.getByLabel("Setup token").fill(token!);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create organization and admin" }).click();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: /Peter Gibbons|peter@initech.example/ })).toBeVisible();
    // The setup step is gone once an admin exists.
    expect((await page.request.get(`${origin}/setup`)).status()).toBe(404);
    expect(violations).toEqual([]);
  });
});
