import type { Page, TestInfo } from "@playwright/test";
import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { expect, test, writeNote } from "./support/fixtures";

const PASSAGE = "I go quiet because I feel flooded, not because I stop caring.";
const NOTE_BODY = `We talked about the weekend. ${PASSAGE} Then we planned the next session.`;
const LABEL = "not ready yet";
const HEADLINE = "Why I go quiet";

/** Screenshots to look at by eye, in light and dark, at the width the page is at. */
async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${page.viewportSize()?.width}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Selects the passage in the note's read-only text, as a person dragging over it would. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  await page.locator("#source-note-body").evaluate((note: HTMLTextAreaElement, passage) => {
    const start = note.value.indexOf(passage);
    if (start < 0) throw new Error("The note does not hold the passage.");
    note.setSelectionRange(start, start + passage.length);
  }, passage);
}

test("the composer: the note beside the draft, who reads each field, a private label, Not now, and how much was shared in a sentence", async ({ signUp }, testInfo) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);
  const noteId = await writeNote(sam.page, { title: "Tuesday session", body: NOTE_BODY });

  // The note beside the draft at 1280 px, and a passage quoted into the body.
  await sam.page.goto(`/summaries/new?from=${noteId}`);
  const note = sam.page.getByRole("complementary", { name: /Your note: Tuesday session/ });
  const headline = sam.page.getByLabel("Headline", { exact: true });
  const [noteBox, headlineBox] = [await note.boundingBox(), await headline.boundingBox()];
  expect(noteBox && headlineBox && noteBox.x + noteBox.width <= headlineBox.x, "the note sits left of the draft").toBe(true);
  await selectPassage(sam.page, PASSAGE);
  await sam.page.getByRole("button", { name: "Quote in draft" }).click();
  await expect(sam.page.getByLabel("What you might share")).toHaveValue(new RegExp(PASSAGE));

  // Each field says who reads it.
  await expect(sam.page.getByLabel("Private label (optional)")).toHaveAccessibleDescription(/Only you see this/);
  await expect(headline).toHaveAccessibleDescription(/Your partner reads this/);
  await expect(sam.page.getByLabel("What you might share")).toHaveAccessibleDescription(/Your partner reads this/);
  await expect(sam.page.getByRole("group", { name: "How much of it" })).toHaveAccessibleDescription(/Your partner reads this/);
  await expectNoSeriousAccessibilityProblems(sam.page);
  await look(sam.page, testInfo, "composer");

  // The tone check runs as Sam writes and marks the words that set it off.
  await sam.page.getByLabel("What you might share").fill("My therapist says you never listen to me.");
  const suggestion = sam.page.getByRole("region", { name: "A gentle suggestion" });
  await expect(suggestion.locator("mark")).toHaveText(["My therapist says you", "you never"]);
  await sam.page.getByLabel("What you might share").fill(`${PASSAGE} I'd like to say so when it happens.`);
  await expect(suggestion).toHaveCount(0);

  await sam.page.getByLabel("Private label (optional)").fill(LABEL);
  await headline.fill(HEADLINE);
  // The live preview is the partner's card at the depth chosen, without the private label.
  const preview = sam.page.getByRole("region", { name: "What your partner would read if you shared it now" });
  await expect(preview.getByText("Sam shared a brief summary.")).toBeVisible();
  await sam.page.getByRole("radio", { name: "A headline" }).check();
  await expect(preview.getByText("Sam shared the gist, in one line.")).toBeVisible();
  await expect(preview.getByRole("heading", { name: HEADLINE })).toBeVisible();
  await expect(preview).not.toContainText(PASSAGE);
  await expect(preview).not.toContainText(LABEL);
  await sam.page.getByRole("radio", { name: "A short summary" }).check();
  await expect(preview).toContainText(PASSAGE);
  await sam.page.getByRole("button", { name: "Save draft" }).click();
  await expect(sam.page.getByText("It is still private.")).toBeVisible();
  const summaryUrl = new URL(sam.page.url()).pathname;

  await sam.page.goto("/summaries");
  await expect(sam.page.getByRole("link", { name: HEADLINE, exact: true })).toBeVisible();
  await expect(sam.page.getByText(LABEL)).toBeVisible();

  // Not now: back to the summary, a calm word, nothing shared.
  await sam.page.goto(`${summaryUrl}/share`);
  await expect(sam.page.getByLabel("This is my own choice.")).toBeVisible();
  await expect(sam.page.getByText(LABEL)).toHaveCount(0);
  await expectNoSeriousAccessibilityProblems(sam.page);
  await look(sam.page, testInfo, "share-step");
  await sam.page.getByRole("link", { name: "Not now, keep it private" }).click();
  await expect(sam.page).toHaveURL(new RegExp(`${summaryUrl}\\?kept=1$`));
  await expect(sam.page.getByRole("status").filter({ hasText: "Kept private. Nothing was shared" })).toBeVisible();
  await alex.page.goto("/shared");
  await expect(alex.page.getByText(HEADLINE)).toHaveCount(0);

  // "Rephrase it" from the share step opens the words in place and saving returns to the share step.
  await sam.page.goto(`${summaryUrl}/edit`);
  await sam.page.getByLabel("What you might share").fill("You never listen to me.");
  await sam.page.getByRole("button", { name: "Save changes" }).click();
  await sam.page.goto(`${summaryUrl}/share`);
  await sam.page.getByRole("radio", { name: "A short summary" }).check();
  await sam.page.getByRole("link", { name: "Rephrase it" }).filter({ visible: true }).click();
  await expect(sam.page.getByLabel("What you might share")).toHaveValue("You never listen to me.");
  await expect(sam.page.getByRole("region", { name: "A gentle suggestion" }).locator("mark")).toHaveText(["You never"]);
  await sam.page.getByLabel("What you might share").fill(`${PASSAGE} I'd like to say so when it happens.`);
  await sam.page.getByRole("button", { name: "Save and go back to sharing" }).click();
  await expect(sam.page).toHaveURL(new RegExp(`${summaryUrl}/share$`));

  // Shared as a brief summary: Alex reads a sentence about how much, and never the label.
  await sam.page.getByRole("radio", { name: "A short summary" }).check();
  await sam.page.getByLabel("This is my own choice.").check();
  await sam.page.getByLabel(/This is about me and my feelings/).check();
  await sam.page.getByRole("button", { name: "Share with Alex" }).click();
  await expect(sam.page).toHaveURL(/\?shared=shared$/);

  await alex.page.goto("/shared");
  await expect(alex.page.getByRole("heading", { name: HEADLINE })).toBeVisible();
  await expect(alex.page.getByText("Sam shared a brief summary.")).toBeVisible();
  await expect(alex.page.getByText(LABEL)).toHaveCount(0);
  await expectNoSeriousAccessibilityProblems(alex.page);
  await look(alex.page, testInfo, "partner-shared");

  // Unsharing is a plain, safe act that says what happens.
  await sam.page.goto(summaryUrl);
  await expect(sam.page.getByText("Your draft stays here, private")).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);
  await sam.page.getByRole("button", { name: "Unshare" }).click();
  await expect(sam.page.getByRole("status").filter({ hasText: "Unshared." })).toBeVisible();
  await alex.page.goto("/shared");
  await expect(alex.page.getByText(HEADLINE)).toHaveCount(0);
});

test("on a phone the note comes first and folds away, and nothing scrolls sideways", async ({ signUp }, testInfo) => {
  const sam = await signUp("Sam");
  await sam.page.setViewportSize({ width: 360, height: 780 });
  const noteId = await writeNote(sam.page, { title: "Tuesday session", body: NOTE_BODY });
  await sam.page.goto(`/summaries/new?from=${noteId}`);
  const note = sam.page.getByRole("complementary", { name: /Your note: Tuesday session/ });
  const [noteBox, headlineBox] = [await note.boundingBox(), await sam.page.getByLabel("Headline", { exact: true }).boundingBox()];
  expect(noteBox && headlineBox && noteBox.y + noteBox.height <= headlineBox.y, "the note sits above the draft").toBe(true);
  expect(await sam.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await look(sam.page, testInfo, "composer");
  await note.getByText(/Your note: Tuesday session/).click();
  await expect(sam.page.getByRole("textbox", { name: /Your note: Tuesday session/ })).toBeHidden();
  await expectNoSeriousAccessibilityProblems(sam.page);
});
