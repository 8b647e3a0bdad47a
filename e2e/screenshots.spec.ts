import { DEMO_ALEX as alex, DEMO_SAM as sam, signInAsDemo } from "./support/demo";
import { expect, test } from "./support/fixtures";
import type { Page, TestInfo } from "@playwright/test";

/**
 * The README's screenshots, taken from the real app with the demo couple. `npm run screenshots`
 * writes them to docs/screenshots/; in the ordinary suite they go to this test's output folder,
 * so every run proves the screens still render, and the committed images change only on purpose.
 * Only reads the demo accounts: other specs run alongside.
 */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

test.use({ viewport: { width: 1024, height: 900 }, timezoneId: "Europe/London", locale: "en-GB" });

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Text drawn in its final font, not a fallback.
  await page.evaluate(() => document.fonts.ready);
  const file = SCREENSHOT_DIR ? `${SCREENSHOT_DIR}/${name}.png` : testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, animations: "disabled" });
}

test.describe("README screenshots", () => {
  test.slow();

  test("the signed-out start page", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Create an account" }).first()).toBeVisible();
    await capture(page, testInfo, "start");
  });

  test("Sam's screens: welcome, private space, a draft's preview, the share step, the plan, check-ins", async ({ page }, testInfo) => {
    await signInAsDemo(page, sam);
    await capture(page, testInfo, "home");
    await page.goto("/notes");
    await capture(page, testInfo, "private-space");

    await page.goto("/welcome");
    await expect(page.getByRole("heading", { name: `Welcome, ${sam.displayName}` })).toBeVisible();
    await capture(page, testInfo, "welcome");

    await page.goto("/summaries");
    await page.getByRole("link", { name: "Something about my family" }).click();
    await expect(page.getByRole("heading", { name: `What ${alex.displayName} would see if you share it` })).toBeVisible();
    await capture(page, testInfo, "summary-preview");

    await page.getByRole("link", { name: "Share…" }).click();
    await expect(page.getByRole("heading", { name: `What ${alex.displayName} will see` })).toBeVisible();
    await capture(page, testInfo, "share-step");

    await page.goto("/plan");
    await expect(page.getByRole("heading", { name: "Why I go quiet in arguments" })).toBeVisible();
    await capture(page, testInfo, "plan");

    await page.goto("/check-ins");
    await expect(page.getByText("Every Sunday at 19:00 (Europe/London).")).toBeVisible();
    await capture(page, testInfo, "check-ins");
  });

  test("Alex's view of what Sam shared", async ({ page }, testInfo) => {
    await signInAsDemo(page, alex);
    await page.goto("/shared");
    await expect(page.getByRole("heading", { name: "Why I go quiet in arguments" })).toBeVisible();
    await capture(page, testInfo, "shared-view");
  });

  test("the plan on a 360 px phone, in dark colours", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme: "dark", timezoneId: "Europe/London", locale: "en-GB" });
    const page = await context.newPage();
    await signInAsDemo(page, alex);
    await page.goto("/plan");
    await expect(page.getByRole("link", { name: "Plan", exact: true })).toHaveAttribute("aria-current", "page");
    await capture(page, testInfo, "plan-phone-dark");
    await context.close();
  });
});
