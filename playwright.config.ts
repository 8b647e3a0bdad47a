import { defineConfig } from "@playwright/test";
import { CLAIMS_DIR } from "./e2e/support/people";

/**
 * End-to-end tests drive Debian's Chromium against the production build (`next build` first;
 * `npm test` does it), served by the README's start script on a throwaway embedded database.
 */
const port = Number(process.env.E2E_PORT || 3210);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = ".data/e2e-pglite";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright's own browser downloads are not possible here; Debian's package is.
      executablePath: "/usr/bin/chromium",
      // Keep Chromium off the network: this machine has none, and its lookups only fail.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // A fresh embedded database every run (never a configured server), holding the demo couple,
    // exactly as the README's first command seeds it (tests only read the demo accounts), and the
    // accounts tests sign in as (e2e/support/people.ts), made before the server opens the folder.
    command: [
      `rm -rf ${dataDir} ${CLAIMS_DIR}`,
      "env -u DATABASE_URL npx tsx --conditions=react-server e2e/support/seed-people.ts",
      "env -u DATABASE_URL npx tsx --conditions=react-server scripts/start.ts --skip-build",
    ].join(" && "),
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      HOST: "127.0.0.1",
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      // The browsers stand for people behind a proxy on this machine: each signed-up person
      // sends their own X-Forwarded-For (e2e/support/fixtures.ts), so per-address rate limits
      // count them apart. The no-proxy default is tested in tests/unit/client-address.test.ts.
      TRUST_PROXY: "loopback",
      // Reminders a test waits for arrive within seconds rather than a minute.
      REMINDER_SWEEP_SECONDS: "10",
    },
  },
});
