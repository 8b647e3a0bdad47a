import type { Locator, Page } from "@playwright/test";
import { DEPTHS, depthSentence } from "../lib/content/guidance";
import type { SummaryDepth } from "../lib/generated/prisma/enums";
import { linkCouple } from "./support/couple";
import { expect, test, type Person } from "./support/fixtures";

const ALL_DEPTHS = Object.keys(DEPTHS) as SummaryDepth[];
const BODY = "The detail I wrote for myself, which only goes as far as I choose.";

/** A draft with its body written, saved at the given depth: the depth chosen when sharing decides what goes. */
async function draftSavedAt(author: Person, depth: SummaryDepth): Promise<{ id: string; title: string }> {
  const title = `Saved as ${DEPTHS[depth].label}`;
  await author.page.goto("/summaries/new");
  await author.page.getByLabel("Headline", { exact: true }).fill(title);
  await author.page.getByLabel("What you might share").fill(BODY);
  await author.page.getByRole("radio", { name: DEPTHS[depth].label }).check();
  await author.page.getByRole("button", { name: "Save draft" }).click();
  await expect(author.page.getByText("It is still private.")).toBeVisible();
  const id = new URL(author.page.url()).pathname.split("/")[2];
  if (!id) throw new Error(`Saving a summary landed on ${author.page.url()}`);
  return { id, title };
}

/** The one preview shown on the share step (the others for the depths not chosen are hidden). */
function visiblePreview(page: Page): Locator {
  return page.locator("[data-depth-preview] [data-shared-words]").filter({ visible: true });
}

test("for every saved and chosen depth, the partner receives exactly the preview shown", async ({ signUp }) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);

  for (const saved of ALL_DEPTHS) {
    const draft = await draftSavedAt(sam, saved);
    for (const chosen of ALL_DEPTHS) {
      await sam.page.goto(`/summaries/${draft.id}/share`);
      await expect(visiblePreview(sam.page)).toHaveCount(1);
      await sam.page.getByRole("radio", { name: DEPTHS[chosen].label }).check();
      await expect(visiblePreview(sam.page)).toHaveCount(1);
      const shown = await visiblePreview(sam.page).innerText();
      expect(shown.includes(BODY), `${saved} shared as ${chosen}: the body shows only beyond a headline`).toBe(chosen !== "HEADLINE");

      await sam.page.getByLabel(/This is my own choice/).check();
      await sam.page.getByLabel(/This is about me and my feelings/).check();
      await sam.page.getByRole("button", { name: "Share with Alex" }).click();
      await expect(sam.page).toHaveURL(new RegExp(`/summaries/${draft.id}\\?shared=`));

      await alex.page.goto("/shared");
      const received = alex.page
        .locator("[data-shared-words]")
        .filter({ has: alex.page.getByRole("heading", { name: draft.title, exact: true }) });
      await expect(received).toHaveCount(1);
      expect(await received.innerText(), `${saved} shared as ${chosen}`).toBe(shown);
    }
  }
});

test("without JavaScript the preview still follows the depth chosen", async ({ signUp, browser }) => {
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);
  const draft = await draftSavedAt(sam, "HEADLINE");

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await sam.page.context().storageState() });
  const page = await context.newPage();
  await page.goto(`/summaries/${draft.id}/share`);
  await expect(visiblePreview(page)).toHaveCount(1);
  await expect(visiblePreview(page)).not.toContainText(BODY);
  await page.getByRole("radio", { name: DEPTHS.IN_DEPTH.label }).check();
  await expect(visiblePreview(page)).toHaveCount(1);
  await expect(visiblePreview(page)).toContainText(BODY);
  await expect(visiblePreview(page)).toContainText(depthSentence("Sam", "IN_DEPTH"));
  await context.close();
});
