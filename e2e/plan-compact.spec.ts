import type { Page } from "@playwright/test";
import { DEMO_ALEX, signInAsDemo } from "./support/demo";
import { expect, test } from "./support/fixtures";

/**
 * Issue 11, phone: the plan's agenda reads as an agenda on a 360 px phone. The demo couple's plan
 * holds six items (one shared, five topics): only read here.
 */
const PHONE = { width: 360, height: 780 };

async function look(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: test.info().outputPath(`${name}-${width}-${colorScheme}.png`), fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("six agenda items fit in a short scroll on a phone, with nothing sideways", async ({ page }) => {
  test.slow();
  await signInAsDemo(page, DEMO_ALEX);
  await page.setViewportSize(PHONE);
  await page.goto("/plan");
  const agenda = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveCount(6);
  const height = (await agenda.boundingBox())?.height ?? Infinity;
  console.log(`agenda height at 360 px: ${height} px`);
  await look(page, "plan");
  await page.setViewportSize(PHONE);
  await agenda.screenshot({ path: test.info().outputPath("agenda-360.png") });
  await agenda.locator("summary").first().click();
  await agenda.getByRole("listitem").first().screenshot({ path: test.info().outputPath("agenda-item-open-360.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await agenda.getByRole("listitem").first().screenshot({ path: test.info().outputPath("agenda-item-open-360-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(height).toBeLessThan(1_100);
});
