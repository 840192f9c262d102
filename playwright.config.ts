import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: "test-results",
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // Recording a trace costs CPU on every test; on CI only a retry records one.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Playwright's own browser download cannot work offline: use Debian's headless shell
        // (scripts/ensure-chromium.mjs installs it).
        launchOptions: {
          executablePath: "/usr/bin/chromium-headless-shell",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // Throwaway embedded PostgreSQL + migrations + demo data + `next start` on the existing build.
    command: "node --conditions=react-server --import tsx scripts/e2e-server.ts",
    // Ready when the port accepts connections (a `url` check would wait out the timeout if "/"
    // answered 500; the smoke spec reports that instead).
    port,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
    stderr: "pipe",
    // Default is SIGKILL to the process group, which leaves the temp database behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
