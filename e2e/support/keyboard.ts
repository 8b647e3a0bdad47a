import { expect, type Locator, type Page } from "@playwright/test";

type Rgb = [number, number, number];
type Rgba = [number, number, number, number];

/** What the browser draws around the focused element, measured in the page. */
type FocusIndicator = { kind: "outline" | "ring"; widthPx: number; contrast: number };

type FocusReport = {
  /** The focused element, briefly, for failure messages. */
  focused: string;
  isTarget: boolean;
  /**
   * False when nothing is focused (the page itself), or when the focus is on a built-in part of a
   * control (a date field's calendar button), which the browser rings itself out of reach of CSS.
   */
  measured: boolean;
  /** Null when nothing is drawn around the focused element. */
  indicator: FocusIndicator | null;
};

/**
 * Runs in the page. globals.css gives every :focus-visible element a 2px outline, and form
 * controls replace it with a 2px ring (a box-shadow); either must be at least 2px wide and
 * stand out 3:1 from the background around it (WCAG 2.4.13's measure), or it is not visible.
 */
async function reportFocus(target: Element): Promise<FocusReport> {
  const active = document.activeElement;
  const describe = (element: Element) =>
    `<${element.tagName.toLowerCase()}> "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 60)}"` +
    (element.id ? ` #${element.id}` : "");
  if (!active || active === document.body) return { focused: "nothing (the page itself)", isTarget: false, measured: false, indicator: null };
  if (!active.matches(":focus")) return { focused: `${describe(active)}, its built-in button`, isTarget: false, measured: false, indicator: null };
  // Buttons fade their colours in (transition-colors includes the outline's): measure the settled style.
  await Promise.all(
    active.getAnimations().flatMap((animation) => (animation instanceof CSSTransition ? [animation.finished.catch(() => animation)] : [])),
  );

  // A canvas turns any CSS colour (Tailwind's are oklch) into sRGB with alpha.
  const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("No 2D canvas to measure colours with.");
  const rgba = (colour: string): Rgba => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = ([r, g, b, a]: Rgba, [belowR, belowG, belowB]: Rgb): Rgb => [
    r * a + belowR * (1 - a),
    g * a + belowG * (1 - a),
    b * a + belowB * (1 - a),
  ];

  // The colour the indicator is drawn on: the backgrounds of the ancestors, layered from the page up.
  const layers: Rgba[] = [];
  for (let element = active.parentElement; element; element = element.parentElement) {
    const layer = rgba(getComputedStyle(element).backgroundColor);
    if (layer[3] > 0) layers.unshift(layer);
  }
  const background = layers.reduce<Rgb>((below, layer) => over(layer, below), [255, 255, 255]);

  const luminance = ([r, g, b]: Rgb) => {
    const channel = (value: number) => {
      const s = value / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrastWithBackground = (colour: string) => {
    const [a, b] = [luminance(over(rgba(colour), background)), luminance(background)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };

  // Controls may hide the outline (transparently, for forced-colours mode) and draw a ring: the clearer counts.
  const style = getComputedStyle(active);
  const candidates: FocusIndicator[] = [];
  if (style.outlineStyle !== "none") {
    candidates.push({ kind: "outline", widthPx: parseFloat(style.outlineWidth), contrast: contrastWithBackground(style.outlineColor) });
  }
  // A ring is a shadow with no offset and no blur, only spread: "<colour> 0px 0px 0px 2px".
  for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
    const ring = /^\s*(.+?)\s+0px\s+0px\s+0px\s+([\d.]+)px\s*$/.exec(shadow);
    if (ring?.[1] && ring[2]) candidates.push({ kind: "ring", widthPx: parseFloat(ring[2]), contrast: contrastWithBackground(ring[1]) });
  }
  const indicator = candidates.filter((candidate) => candidate.widthPx > 0).sort((a, b) => b.contrast - a.contrast)[0] ?? null;
  return { focused: describe(active), isTarget: active === target, measured: true, indicator };
}

/** Fails unless the focused element shows a focus indicator a sighted keyboard user can see. */
function expectVisibleIndicator(report: FocusReport): void {
  const { indicator, focused } = report;
  expect(indicator, `${focused} is focused but has no outline or ring`).not.toBeNull();
  expect(indicator!.widthPx, `the focus ${indicator!.kind} of ${focused} is too thin`).toBeGreaterThanOrEqual(2);
  expect(indicator!.contrast, `the focus ${indicator!.kind} of ${focused} hardly stands out from its background`).toBeGreaterThanOrEqual(3);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking on the way that every element
 * that receives it shows that it does. Fails, naming where the focus went, if it never arrives.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 30 } = {}): Promise<void> {
  await expect(target).toBeAttached();
  const visited: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const report = await target.evaluate(reportFocus);
    visited.push(report.focused);
    if (report.measured) expectVisibleIndicator(report);
    if (report.isTarget) {
      await expect(target).toBeInViewport();
      return;
    }
  }
  throw new Error(`${maxPresses} presses of ${backwards ? "Shift+Tab" : "Tab"} never reached ${target}. The focus went to:\n${visited.join("\n")}`);
}

/** From a freshly loaded page: the first Tab reaches the skip link, and Enter moves on to the main content. */
export async function skipToMain(page: Page): Promise<void> {
  // A new account's first visit to a page with times notes its time zone, and the page is drawn
  // afresh when that is saved: an address the skip link just set would be replaced by it.
  await page.waitForLoadState("networkidle");
  const skipLink = page.getByRole("link", { name: "Skip to content" });
  await page.keyboard.press("Tab");
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  expectVisibleIndicator(await skipLink.evaluate(reportFocus));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
}
