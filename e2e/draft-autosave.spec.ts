import type { Page, TestInfo } from "@playwright/test";
import { QUICK_EXIT_URL } from "../components/quick-exit";
import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { AT_HOME, expect, signIn, test } from "./support/fixtures";

const HEADLINE = "Why I go quiet after work";
const BODY = "I noticed I withdraw when I am exhausted, and it is not about you.";
const LAST_WORDS = " I want to say it better.";

/** The neutral page is on the internet, which this machine cannot reach: answer it locally. */
async function standInForNeutralPage(page: Page): Promise<void> {
  await page.route(`${new URL(QUICK_EXIT_URL).origin}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather forecast</h1>" }));
}

async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Nothing of the draft on the device: not in the address, not in the browser's storage. */
async function expectNothingOnTheDevice(page: Page, words: string): Promise<void> {
  expect(page.url()).not.toContain(encodeURIComponent(words.split(" ")[0]!));
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(stored).not.toContain(words.split(" ")[0]!);
}

test("what Quick exit interrupts is kept privately: restored after signing in again, discarded on request, gone once saved", async ({ signUp }, testInfo) => {
  test.slow();
  const sam = await signUp("Sam");
  const { page } = sam;
  await standInForNeutralPage(page);

  // Writing a summary: a moment after typing stops, a private copy is kept.
  await page.goto("/summaries/new");
  await expect(page.getByText("A private copy is kept as you write, for you alone.")).toBeVisible();
  await page.getByLabel("Headline", { exact: true }).fill(HEADLINE);
  await page.getByLabel("What you might share").fill(BODY);
  await expect(page.getByText(/^Saved privately at .+\. Only you can see it\.$/)).toBeVisible();
  await expectNothingOnTheDevice(page, "withdraw exhausted");

  // More words, then Quick exit at once: no pause for the autosave, the exit's beacon carries them.
  await page.getByLabel("What you might share").pressSequentially(LAST_WORDS);
  await page.getByRole("button", { name: "Quick exit" }).click();
  await expect(page).toHaveURL(QUICK_EXIT_URL);

  // Signed out by the exit; signing in again and opening the composer restores every word.
  await page.goto("/summaries/new");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, sam.email, sam.password);
  await expect(page).toHaveURL(AT_HOME);
  await page.goto("/summaries/new");
  await expect(page.getByText(/^We kept what you were writing, saved at .+\. Discarding it starts the summary afresh\.$/)).toBeVisible();
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue(HEADLINE);
  await expect(page.getByLabel("What you might share")).toHaveValue(BODY + LAST_WORDS);
  await expectNothingOnTheDevice(page, "withdraw exhausted");
  await expectNoSeriousAccessibilityProblems(page);
  await look(page, testInfo, "composer-restored");

  // Discard: the form is blank again, and reopening it restores nothing.
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft discarded." })).toBeVisible();
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("");
  await page.goto("/summaries/new");
  await expect(page.getByLabel("What you might share")).toHaveValue("");
  await expect(page.getByText(/We kept what you were writing/)).toHaveCount(0);

  // A note: kept as typed, restored on reload; once saved, the draft is gone.
  await page.goto("/notes/new");
  await page.getByLabel("Title").fill("Tuesday");
  await page.getByLabel("Note", { exact: true }).fill("We talked about my father.");
  await expect(page.getByText(/^Saved privately at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("We talked about my father.");
  await look(page, testInfo, "note-restored");
  // A restored form is still one form: a double click makes one note.
  await page.getByRole("button", { name: "Save note" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.goto("/notes/new");
  await expect(page.getByLabel("Title")).toHaveValue("");
  await expect(page.getByText(/We kept what you were writing/)).toHaveCount(0);
  await page.goto("/notes");
  await expect(page.getByRole("link", { name: /Tuesday/ })).toHaveCount(1);
});

test("leaving an edit by a link keeps what was typed; saving the edit removes the draft", async ({ signUp }) => {
  const { page } = await signUp("Noa");
  await page.goto("/notes/new");
  await page.getByLabel("Title").fill("Session");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const noteUrl = page.url().split("?")[0]!;

  await page.goto(`${noteUrl}/edit`);
  await page.getByLabel("Note", { exact: true }).fill("Half an edit");
  // Away at once by a link inside the app: the form's beacon keeps it.
  await page.getByRole("link", { name: "← Back to the note" }).click();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(async () => {
    await page.goto(`${noteUrl}/edit`);
    await expect(page.getByLabel("Note", { exact: true })).toHaveValue("Half an edit", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByText(/Discarding it goes back to the note as you last saved it\./)).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByText("Half an edit")).toBeVisible();
  await page.goto(`${noteUrl}/edit`);
  await expect(page.getByText(/We kept what you were writing/)).toHaveCount(0);
});
