import type { Page } from "@playwright/test";
import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { expect, test, writeNote } from "./support/fixtures";

/**
 * Issue 11's pages (decision 034, 033 and 037) at 1280 px and on a 360 px phone, where the bar
 * at the foot of the screen replaces the header's tabs: each pass runs every axe rule in light
 * colours and the colour rules again in dark (e2e/support/axe.ts).
 */
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

async function atBothWidths(page: Page): Promise<void> {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await expectNoSeriousAccessibilityProblems(page);
  }
  await page.setViewportSize(DESKTOP);
}

async function answerWhoIsInTherapy(page: Page, answer: string): Promise<void> {
  await page.getByRole("radio", { name: answer }).check();
  await page.getByRole("button", { name: "Save my answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Only you see this answer." }).first()).toBeAttached();
}

test.describe("issue 11's pages have no serious accessibility problems, at 1280 and 360 px", () => {
  // Each axe pass takes seconds on a busy two-core machine, and these tests run many.
  test.slow();

  test("the welcome page before and after linking, and home for each role", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");

    await sam.page.goto("/welcome");
    await expect(sam.page.getByRole("radio", { name: "I'd rather not say" })).toBeChecked();
    await atBothWidths(sam.page);
    await answerWhoIsInTherapy(sam.page, "I'm in therapy");
    await sam.page.goto("/");
    await expect(sam.page.getByText("You are not linked with")).toBeVisible();
    await atBothWidths(sam.page);

    await linkCouple(sam, alex);
    await expect(alex.page).toHaveURL(/\/welcome\?linked=1$/);
    await atBothWidths(alex.page);
    await answerWhoIsInTherapy(alex.page, "My partner is");
    await alex.page.goto("/");
    await expect(alex.page.getByRole("heading", { name: "How to receive what is shared" })).toBeVisible();
    await atBothWidths(alex.page);
  });

  test("the link notices on home, the phone's More open, and the role on Account", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);

    await sam.page.goto("/");
    await expect(sam.page.getByRole("listitem").filter({ hasText: "Alex accepted your invite" })).toBeVisible();
    await atBothWidths(sam.page);
    await sam.page.setViewportSize(PHONE);
    const nav = sam.page.getByRole("navigation", { name: "Main" });
    await nav.locator("summary").click();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await expectNoSeriousAccessibilityProblems(sam.page);
    await sam.page.setViewportSize(DESKTOP);

    await sam.page.goto("/account");
    await answerWhoIsInTherapy(sam.page, "We both are");
    await atBothWidths(sam.page);

    // Alex leaves, then invites Sam again by email: Sam's home holds both notices.
    await alex.page.goto("/couple");
    await alex.page.getByLabel(/I understand that this ends our link/).check();
    await alex.page.getByRole("button", { name: "Leave the couple" }).click();
    await expect(alex.page.getByText("You have left the couple.")).toBeVisible();
    await alex.page.getByLabel("Your partner's email").fill(sam.email);
    await alex.page.getByRole("button", { name: "Send the invite by email" }).click();
    await expect(alex.page.getByText(`Also sent by email to ${sam.email}`)).toBeVisible();
    await sam.page.goto("/");
    await expect(sam.page.getByText("You are no longer linked with Alex.")).toBeVisible();
    await expect(sam.page.getByRole("link", { name: "See the invitation" })).toBeVisible();
    await atBothWidths(sam.page);
  });

  test("the composer: the note beside the draft, a quoted passage, the tone check as it shows, and the share step", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);
    const noteId = await writeNote(sam.page, { title: "Tuesday session", body: "We talked about the weekend. I go quiet when I feel flooded." });
    const { page } = sam;

    await page.goto(`/summaries/new?from=${noteId}`);
    await page.locator("#source-note-body").evaluate((note: HTMLTextAreaElement) => note.setSelectionRange(29, note.value.length));
    await page.getByRole("button", { name: "Quote in draft" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Quoted in your draft." })).toBeVisible();
    await page.getByLabel("Headline", { exact: true }).fill("Why I go quiet");
    await page.getByLabel("What you might share").fill("My therapist says you never listen to me.");
    await expect(page.getByRole("region", { name: "A gentle suggestion" }).locator("mark")).toHaveCount(2);
    await atBothWidths(page);

    await page.getByLabel("What you might share").fill("I go quiet when I feel flooded, not because I stop caring.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("It is still private.")).toBeVisible();
    await page.goto(`${new URL(page.url()).pathname}/share`);
    await expect(page.getByRole("heading", { name: "What Alex will see" })).toBeVisible();
    await atBothWidths(page);
  });

  test("the plan's compact items: ticked, with More open, and the shared items not on it", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);
    const { page } = sam;

    await page.goto("/plan");
    await page.getByRole("button", { name: "Add the check-in topics" }).click();
    await page.getByLabel("Topic", { exact: true }).fill("Visiting my parents");
    await page.getByLabel("Detail (optional)").fill("How long, and where we stay. ".repeat(8));
    await page.getByRole("button", { name: "Add topic" }).click();
    const agenda = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
    await expect(agenda.getByRole("heading", { level: 3 })).toHaveCount(5);
    await page.getByRole("button", { name: "Mark discussed: Appreciations" }).click();
    await expect(page.getByRole("button", { name: "Mark not discussed: Appreciations" })).toBeVisible();
    await agenda.getByRole("listitem").filter({ hasText: "Visiting my parents" }).locator("summary").click();
    await expect(page.getByRole("button", { name: "Remove from the plan: Visiting my parents" })).toBeVisible();
    await atBothWidths(page);

    // A shared item not on the plan waits below it, with a button for its author alone (C11).
    await page.goto("/summaries/new");
    await page.getByLabel("Headline", { exact: true }).fill("What helps me unwind");
    await page.getByLabel("What you might share").fill("A walk after work.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("It is still private.")).toBeVisible();
    await page.getByRole("link", { name: "Share…" }).click();
    await page.getByLabel("This is my own choice.").check();
    await page.getByLabel(/This is about me and my feelings/).check();
    await page.getByRole("button", { name: "Share with Alex" }).click();
    await expect(page).toHaveURL(/\?shared=shared$/);
    await page.goto("/plan");
    await expect(page.getByRole("button", { name: "Add to the plan: What helps me unwind" })).toBeVisible();
    await atBothWidths(page);
  });
});
