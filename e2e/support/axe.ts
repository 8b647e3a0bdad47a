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
 * Runs axe-core on the page as it stands (every rule in light colours, the colour rules again
 * in dark colours) and fails on any serious or critical violation, naming the rule and the
 * elements so the fix is findable.
 */
export async function expectNoSeriousAccessibilityProblems(page: Page): Promise<void> {
  // Next.js re-renders the head after a server action, for a moment without its <title>.
  await expect(page).toHaveTitle(/\S/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await colourTransitionsEnded(page);
    const axe = new AxeBuilder({ page });
    const { violations } = await (colorScheme === "dark" ? axe.withRules(COLOUR_RULES) : axe).analyze();
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
