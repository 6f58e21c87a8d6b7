import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

// End-to-end tests drive Debian's Chromium against the standalone server (`npm run build` first: npm run test:e2e does).
export default defineConfig({
  testDir: "e2e",
  // Specs that change data own their accounts (e2e/support/fixture-accounts.ts), so they run in any order
  // and side by side; the ones whose steps build on each other say so (describe mode "serial").
  fullyParallel: true,
  // Two, as the CI machine has two cores; the server is the bottleneck beyond that.
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's headless shell (package chromium-headless-shell), the build Playwright itself runs
      // headless: without the full browser's UI processes, the e2e suite took 2.2 min where
      // /usr/bin/chromium took 3.7 min (e2e/first-run.spec.ts, same machine, one after the other).
      // CHROMIUM_PATH=/usr/bin/chromium runs the full browser instead.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // Signs each role in once through the real form; the specs reuse the saved sessions.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/sign-in`,
    // Includes migrating and seeding the demo data and the fixtures before the server starts.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
