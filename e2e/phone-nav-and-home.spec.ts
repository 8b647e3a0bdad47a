import type { Page } from "@playwright/test";
import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { expect, test, type Person } from "./support/fixtures";

/**
 * Issue 11, roles and home: on a 360 px phone every section, Sign out and Quick exit are in
 * reach without sideways scrolling (the bar at the foot of the screen and its "More"), by
 * keyboard too; the home page starts where each person's private answer says.
 */
const PHONE = { width: 360, height: 780 };
const BAR = ["Home", "My space", "Shared", "Plan"];
const UNDER_MORE = ["Summaries", "Check-ins", "Partner", "Account"];

async function shoot(person: Person, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await person.page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    for (const colorScheme of ["light", "dark"] as const) {
      await person.page.emulateMedia({ colorScheme });
      await person.page.screenshot({ path: test.info().outputPath(`${name}-${width}-${colorScheme}.png`), fullPage: true });
    }
  }
  await person.page.emulateMedia({ colorScheme: "light" });
}

async function answerWhoIsInTherapy(page: Page, answer: string): Promise<void> {
  await page.getByRole("radio", { name: answer }).check();
  await page.getByRole("button", { name: "Save my answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Only you see this answer." }).first()).toBeAttached();
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
}

test("on a phone every section is one or two taps away, and home starts where each person's answer says", async ({ signUp }) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  // The question is asked on the welcome page (and on Account).
  await sam.page.goto("/welcome");
  await answerWhoIsInTherapy(sam.page, "I'm in therapy");
  await linkCouple(sam, alex);
  // The invited partner lands on the welcome explainer, and answers there.
  await expect(alex.page).toHaveURL(/\/welcome\?linked=1$/);
  await expect(alex.page.getByRole("heading", { name: "Your partner can never see" })).toBeVisible();
  await answerWhoIsInTherapy(alex.page, "My partner is");

  // Alex, not in therapy, starts with how to receive; Sam with their private notes.
  await alex.page.goto("/");
  await expect(alex.page.getByRole("heading", { name: "How to receive what is shared" })).toBeVisible();
  await expect(alex.page.getByRole("heading", { name: "Your private space" })).toHaveCount(0);
  await expect(alex.page.getByText("Nothing new from Sam.")).toBeVisible();
  await expectNoSeriousAccessibilityProblems(alex.page);
  await shoot(alex, "home-partner");
  await sam.page.goto("/");
  await expect(sam.page.getByRole("heading", { name: "Your private space" })).toBeVisible();
  await expect(sam.page.getByRole("heading", { name: "How to receive what is shared" })).toHaveCount(0);
  // Alex's answer is nowhere on Sam's pages (the access matrix checks every page; this is the browser).
  await expect(sam.page.getByText("Alex accepted your invite")).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);
  await shoot(sam, "home-in-therapy");

  const page = sam.page;
  await page.setViewportSize(PHONE);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of BAR) {
    await page.goto("/");
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Quick exit" })).toBeInViewport({ ratio: 1 });
    await noSidewaysScroll(page);
  }
  for (const label of UNDER_MORE) {
    await nav.locator("summary").click();
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeInViewport({ ratio: 1 });
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeHidden();
    await nav.locator("summary").click();
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    await expectNoSeriousAccessibilityProblems(page);
    await noSidewaysScroll(page);
    await nav.locator("summary").click();
  }
  await nav.locator("summary").click();
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath("phone-more-open-360.png") });

  // By keyboard alone: Tab reaches "More", Enter opens it, Tab reaches Account, Enter follows it.
  await page.goto("/plan");
  const more = nav.locator("summary");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  for (let i = 0; i < 8 && !(await nav.getByRole("link", { name: "Account", exact: true }).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("radio", { name: "I'm in therapy" })).toBeChecked();
});
