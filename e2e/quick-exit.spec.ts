import { QUICK_EXIT_URL } from "../components/quick-exit";
import { DEMO_SAM, signInAsDemo } from "./support/demo";
import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

/** The neutral page is on the internet, which this machine cannot reach: answer it locally. */
async function standInForNeutralPage(page: Page): Promise<void> {
  await page.route(`${new URL(QUICK_EXIT_URL).origin}/**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather forecast</h1>" }),
  );
}

test.describe("quick exit", () => {
  test("the button leaves at once, and Back does not bring the private space back", async ({ page }) => {
    await standInForNeutralPage(page);
    await signInAsDemo(page, DEMO_SAM);
    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page).toHaveURL(QUICK_EXIT_URL);
    await expect(page.getByRole("heading", { name: "Weather forecast" })).toBeVisible();

    await page.goBack();
    expect(page.url()).not.toMatch(/\/notes/);
  });

  test("Esc twice leaves from any page; a single Esc does not", async ({ page }) => {
    await standInForNeutralPage(page);
    await page.goto("/sign-in");
    await page.keyboard.press("Escape");
    // Had that one press left, the page would be gone and this visitor could not go on.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { name: "Create your own account" })).toBeVisible();

    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(QUICK_EXIT_URL);
  });
});
