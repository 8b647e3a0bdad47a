import type { Page } from "@playwright/test";
import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { expect, test } from "./support/fixtures";

/**
 * One "when" (issue 12, decision 038): the couple sets a check-in, the plan says which
 * conversation it is for, in each reader's own zone with the zone named; either partner moves or
 * skips one occurrence and the other sees it, with who changed it.
 */
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

async function shoot(page: Page, name: string, outputPath: (name: string) => string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const file = SCREENSHOTS ? `${SCREENSHOTS}/${name}-${width}.png` : outputPath(`${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // Nothing scrolls sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("both partners set, see, move and skip their check-in, each in their own zone", async ({ signUp }, testInfo) => {
  test.slow();
  const robin = await signUp("Robin", { timezoneId: "Europe/Berlin" });
  const kai = await signUp("Kai", { timezoneId: "America/New_York" });
  await linkCouple(robin, kai);

  // No schedule yet: the plan says so and points to check-ins.
  await robin.page.goto("/plan");
  await expect(robin.page.getByText("No time set yet.")).toBeVisible();
  await expect(robin.page.getByRole("link", { name: "plan a check-in" })).toBeVisible();

  // Robin sets a weekly Sunday check-in; the zone field starts at the browser's zone, with nothing to do.
  await robin.page.goto("/check-ins");
  await expect(robin.page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await robin.page.getByLabel("Day", { exact: true }).selectOption("7");
  await robin.page.getByLabel("Time", { exact: true }).fill("19:00");
  await robin.page.getByRole("button", { name: "Save the check-in" }).click();
  await expect(robin.page.getByText(/Every Sunday at 19:00 \(Europe\/Berlin\)/)).toBeVisible();

  // The plan is for the next one, in each reader's own zone, named.
  await robin.page.goto("/plan");
  const robinsWhen = robin.page.getByRole("region", { name: "When" });
  await expect(robinsWhen).toContainText(/For your check-in on Sunday \d+ \w+( \d{4})?, 19:00, Europe\/Berlin\./);
  await kai.page.goto("/plan");
  const kaisWhen = kai.page.getByRole("region", { name: "When" });
  await expect(kaisWhen).toContainText(/For your check-in on Sunday \d+ \w+( \d{4})?, 13:00, America\/New York\./);
  await expectNoSeriousAccessibilityProblems(kai.page);

  // Robin moves this one to the Monday after, 20:30 Berlin time; the rest of the schedule stays.
  const first = await robinsWhen.locator("time").first().getAttribute("datetime");
  const monday = new Date(new Date(first!).getTime() + 24 * 3_600_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
  await robinsWhen.getByText("Move this check-in").click();
  await robinsWhen.getByLabel("New date and time").fill(`${monday}T20:30`);
  await robinsWhen.getByRole("button", { name: "Move it" }).click();
  await expect(robin.page.getByRole("status").filter({ hasText: "Moved." })).toBeVisible();
  await expect(robinsWhen).toContainText(/For your check-in on Monday \d+ \w+( \d{4})?, 20:30, Europe\/Berlin\./);

  await kai.page.reload();
  await expect(kaisWhen).toContainText(/For your check-in on Monday \d+ \w+( \d{4})?, 14:30, America\/New York\./);
  await expect(kaisWhen).toContainText(/Moved by Robin from Sunday \d+ \w+( \d{4})?, 13:00, America\/New York\./);
  await shoot(kai.page, "plan-moved", (name) => testInfo.outputPath(name));

  // Kai skips the one after, on Check-ins; both see it skipped, by Kai.
  await kai.page.goto("/check-ins");
  const upcoming = kai.page.getByRole("region", { name: "Coming up" }).getByRole("listitem");
  await expect(upcoming.first()).toContainText(/Monday \d+ \w+( \d{4})?, 14:30, America\/New York/);
  await expect(upcoming.first()).toContainText("Moved by Robin");
  await upcoming.nth(1).getByRole("button", { name: "Skip this one" }).click();
  await expect(kai.page.getByRole("status").filter({ hasText: "Skipped." })).toBeVisible();
  await expect(upcoming.nth(1)).toContainText("Skipped by you.");
  await expectNoSeriousAccessibilityProblems(kai.page);
  await shoot(kai.page, "check-ins-changed", (name) => testInfo.outputPath(name));

  await robin.page.goto("/check-ins");
  await expect(robin.page.getByRole("region", { name: "Coming up" }).getByRole("listitem").nth(1)).toContainText("Skipped by Kai.");

  // Moving another from Check-ins: its own form, in the reader's zone.
  await robin.page.getByRole("region", { name: "Coming up" }).getByRole("listitem").nth(2).getByRole("link", { name: "Move this one" }).click();
  await expect(robin.page.getByRole("heading", { name: /Move the check-in on Sunday/ })).toBeVisible();
  await expect(robin.page.locator("#field-move-timeZone")).toHaveValue("Europe/Berlin");
  await shoot(robin.page, "check-ins-move", (name) => testInfo.outputPath(name));

  // The time zone on /account is searchable and was noted from the browser without a step.
  await kai.page.goto("/account");
  const zone = kai.page.getByRole("combobox", { name: "Time zone" });
  await expect(zone).toHaveValue("America/New_York");
  await expect(kai.page.locator("datalist#field-timeZone-zones option[value='Asia/Tokyo']")).toHaveCount(1);
  await zone.fill("Asia/Tokyo");
  await kai.page.getByRole("button", { name: "Save my time zone" }).click();
  await expect(kai.page.getByRole("status").filter({ hasText: "Times are shown in Asia/Tokyo" })).toBeVisible();
  // Session times on /account are in the saved zone too, named.
  await kai.page.reload();
  await expect(kai.page.getByRole("region", { name: "Where you are signed in" }).getByText(/^Signed in .*, Asia\/Tokyo; last used .*, Asia\/Tokyo$/)).toBeVisible();
  await shoot(kai.page, "account-sessions", (name) => testInfo.outputPath(name));
  await kai.page.goto("/plan");
  await expect(kaisWhen).toContainText(/For your check-in on Tuesday \d+ \w+( \d{4})?, 04:30, Asia\/Tokyo\./);
});
