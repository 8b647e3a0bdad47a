import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rules whose outcome depends on the colours; the dark pass runs only these. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Buttons fade into new colours (transition-colors), so contrast is judged once they have arrived.
 * Only rendered elements count: those in a closed <details> never run their transitions (and axe
 * skips them too).
 */
async function colourTransitionsEnded(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document.getAnimations().flatMap((animation) => {
        const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
        return animation instanceof CSSTransition && target?.checkVisibility() ? [animation.finished.catch(() => animation)] : [];
      }),
    ),
  );
}

/**
 * Puts whatever stays on screen as the page scrolls (the phone's bar at the foot, a toast) back
 * in the flow while `check` runs, so that axe's target-size rule does not count a target as too
 * small where such a bar covers it at this scroll position: WCAG 2.5.8 asks for 24 px, or space
 * around, where the target can be scrolled clear of it.
 */
async function unstuck<T>(page: Page, check: () => Promise<T>): Promise<T> {
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      const { position } = getComputedStyle(element);
      if (position !== "sticky" && position !== "fixed") continue;
      element.style.setProperty("position", "static", "important");
      element.dataset.axeUnstuck = "";
    }
  });
  try {
    return await check();
  } finally {
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>("[data-axe-unstuck]")) {
        element.style.removeProperty("position");
        delete element.dataset.axeUnstuck;
      }
    });
  }
}

/**
 * Runs axe-core on the page as it stands (every rule and target size in light colours, the
 * colour rules again in dark colours) and fails on any serious or critical violation, naming
 * the rule and the elements so the fix is findable.
 */
export async function expectNoSeriousAccessibilityProblems(page: Page): Promise<void> {
  // Next.js re-renders the head after a server action, for a moment without its <title>.
  await expect(page).toHaveTitle(/\S/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await colourTransitionsEnded(page);
    // axe.run in the page itself ("legacy" mode): the default runs each frame's part and then
    // combines them in a blank page opened for each check, which doubles a check's time. The
    // app has no frames, so both find the same (compared when this was chosen).
    const axe = () => new AxeBuilder({ page }).setLegacyMode();
    const { violations } =
      colorScheme === "dark"
        ? await axe().withRules(COLOUR_RULES).analyze()
        : // Target size (off in axe by default) too.
          await unstuck(page, () => axe().options({ rules: { "target-size": { enabled: true } } }).analyze());
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        elements: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.html.slice(0, 160)}`),
      }));
    expect(serious, `axe on ${page.url()} in ${colorScheme} colours`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
