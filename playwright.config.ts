import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
/** Where the e2e server sends alert e-mail; the alerts spec listens there with a real SMTP server (lib/testing/smtp.ts). */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "bash scripts/e2e-server.sh",
        url: `${baseURL}/api/v1/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        env: { E2E_PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: "Webhook Console <alerts@console.test>" },
      },
});
