import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core on the page as it stands, in light and in dark colours, and fails on any
 * serious or critical violation, naming the rule and the elements so the fix is findable.
 */
export async function expectNoSeriousAccessibilityProblems(page: Page): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
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
}
