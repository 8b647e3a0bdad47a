import { DEMO_SAM, signInAsDemo } from "./support/demo";
import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

/**
 * The layout holds from a 360 px phone up: no page scrolls sideways, Quick exit is always in
 * reach, the header stays short, the open section is marked in the bar at the foot of the screen
 * (or under its "More"), and nothing jumps after the page appears. Reads the demo couple's pages, which have real content on them.
 */
const SIGNED_OUT_PAGES = ["/", "/sign-in", "/sign-up", "/about"];
const SIGNED_IN_PAGES: { path: string; tab?: string }[] = [
  { path: "/", tab: "Home" },
  { path: "/welcome" },
  { path: "/notes", tab: "My space" },
  { path: "/notes/new", tab: "My space" },
  { path: "/summaries", tab: "Summaries" },
  { path: "/summaries/history", tab: "Summaries" },
  { path: "/shared", tab: "Shared" },
  { path: "/plan", tab: "Plan" },
  { path: "/check-ins", tab: "Check-ins" },
  { path: "/couple", tab: "Partner" },
  { path: "/account", tab: "Account" },
];

/** Sum of the page's unexpected layout shifts so far (Cumulative Layout Shift, as browsers define it). */
function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        });
        observer.observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive with the observer's first callback, before the second frame.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
}

async function expectPhoneLayout(page: Page, tab?: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Quick exit" })).toBeInViewport({ ratio: 1 });
  const header = await page.locator("body > header").boundingBox();
  expect(header?.height, `header on ${page.url()}`).toBeLessThanOrEqual(120);
  if (tab) {
    const nav = page.getByRole("navigation", { name: "Main" });
    const current = nav.getByRole("link", { name: tab, exact: true });
    if (!(await current.isVisible())) await nav.locator("summary").click();
    await expect(current).toHaveAttribute("aria-current", "page");
    await expect(current).toBeInViewport({ ratio: 1 });
  }
}

test.describe("layout on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test.slow();

  test("signed-out pages", async ({ page }) => {
    for (const path of SIGNED_OUT_PAGES) {
      await page.goto(path);
      await expectPhoneLayout(page);
    }
  });

  test("every section of a signed-in partner with a full plan", async ({ page }) => {
    await signInAsDemo(page, DEMO_SAM);
    for (const { path, tab } of SIGNED_IN_PAGES) {
      await page.goto(path);
      await expectPhoneLayout(page, tab);
    }
  });
});

test("pages do not jump once shown (layout shift under 0.1), on a laptop and a phone", async ({ page }) => {
  test.slow();
  await signInAsDemo(page, DEMO_SAM);
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 780 }]) {
    await page.setViewportSize(viewport);
    for (const { path } of SIGNED_IN_PAGES) {
      await page.goto(path);
      await page.waitForLoadState("load");
      expect(await cumulativeLayoutShift(page), `layout shift on ${path} at ${viewport.width}px`).toBeLessThan(0.1);
    }
  }
});
