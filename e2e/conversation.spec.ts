import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { expect, test, writeNote, type Person } from "./support/fixtures";

const SHARED_TEXT = "When I go quiet after work, I'm tired, not angry with you.";
const AGREED = "A walk together on Sunday mornings.";
const REFLECTION = "I noticed I rushed to fix things instead of listening.";

/** Sam shares one summary, asking to be just listened to; Alex puts it on the plan. */
async function shareOntoThePlan(sam: Person, alex: Person): Promise<void> {
  const noteId = await writeNote(sam.page, { title: "Session about quiet evenings", body: "Private detail that stays mine." });
  await sam.page.goto(`/notes/${noteId}`);
  await sam.page.getByRole("link", { name: "Draft a summary to maybe share…" }).click();
  await sam.page.getByLabel("Headline", { exact: true }).fill("Why I go quiet");
  await sam.page.getByLabel("What you might share").fill(SHARED_TEXT);
  await sam.page.getByLabel("Just listen").check();
  await sam.page.getByRole("button", { name: "Save draft" }).click();
  await expect(sam.page.getByText("It is still private.")).toBeVisible();
  await sam.page.getByRole("link", { name: "Share…" }).click();
  // Only the author puts a disclosure on the agenda (C11).
  await sam.page.getByRole("radio", { name: "Let's talk about it" }).check();
  await sam.page.getByLabel(/This is my own choice/).check();
  await sam.page.getByLabel(/This is about me and my feelings/).check();
  await sam.page.getByRole("button", { name: `Share with ${alex.displayName}` }).click();
  await expect(sam.page.getByText("Shared. Your partner can now read it")).toBeVisible();
  await alex.page.goto("/plan");
  await expect(alex.page.getByRole("heading", { name: "Why I go quiet", exact: true })).toBeVisible();
}

const stopHeading = (person: Person) => person.page.locator("#stop-heading");
const turnLine = (person: Person) => person.page.locator("#turn-line");

test("two partners hold a conversation: turns, the listener's rule, a pause, closing with what they agreed, and a private reflection", async ({ signUp }, testInfo) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);
  await shareOntoThePlan(sam, alex);

  // Alex starts from the plan; Sam joins on another phone and sees the same place.
  await alex.page.goto("/plan");
  await alex.page.getByRole("link", { name: "Start our conversation" }).click();
  await alex.page.getByRole("button", { name: "Start our conversation" }).click();
  await expect(stopHeading(alex)).toHaveText(/^Appreciations/);
  await expect(turnLine(alex)).toHaveText(`Your turn to speak. ${sam.displayName} listens.`);
  await sam.page.goto("/conversation");
  await expect(stopHeading(sam)).toHaveText(/^Appreciations/);
  await expect(turnLine(sam)).toHaveText(`${alex.displayName} speaks. Your turn to listen.`);
  await expect(sam.page.getByText(/^Before you answer, say back what you heard/)).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);

  // Sam passes the turn; Alex's screen follows without a reload.
  await sam.page.getByRole("button", { name: "Pass the turn" }).click();
  await expect(turnLine(sam)).toHaveText(`Your turn to speak. ${alex.displayName} listens.`);
  await expect(turnLine(alex)).toHaveText(`${sam.displayName} speaks. Your turn to listen.`);

  // On to Sam's shared item: Sam speaks first, Alex listens by Sam's wish, and only Sam may mark it discussed.
  // From the keyboard: Enter on Next moves on, and focus stays on Next for the next press.
  await alex.page.getByRole("button", { name: "Next" }).focus();
  await alex.page.keyboard.press("Enter");
  await expect(stopHeading(alex)).toHaveText(/^What went well/);
  await expect(alex.page.getByRole("button", { name: "Next" })).toBeFocused();
  await alex.page.keyboard.press("Enter");
  await expect(stopHeading(alex)).toHaveText("Why I go quiet");
  await expect(alex.page.locator("main")).toContainText(SHARED_TEXT);
  await expect(turnLine(alex)).toHaveText(`${sam.displayName} speaks. Your turn to listen.`);
  await expect(alex.page.getByText("Listener: Just listen.")).toBeVisible();
  await expect(alex.page.getByRole("button", { name: "Mark discussed" })).toHaveCount(0);
  await expect(stopHeading(sam)).toHaveText("Why I go quiet");
  await expect(turnLine(sam)).toHaveText(`Your turn to speak. ${alex.displayName} listens.`);
  await sam.page.getByRole("button", { name: "Mark discussed" }).click();
  await expect(sam.page.getByRole("status").filter({ hasText: "Marked as discussed." })).toBeVisible();

  // Alex calls a pause: both see it, with the time to come back and a way back in.
  await alex.page.getByRole("button", { name: "Call a pause" }).click();
  await expect(alex.page.getByRole("heading", { name: "A pause, called by you" })).toBeVisible();
  await expect(alex.page.getByRole("timer")).toHaveText(/^(20:00|19:\d\d)$/);
  await expect(sam.page.getByRole("heading", { name: `A pause, called by ${alex.displayName}` })).toBeVisible();
  // In the reader's own zone, named (this browser's is UTC).
  await expect(sam.page.getByText("Back together at")).toHaveText(/^Back together at \d\d:\d\d, UTC$/);
  await expect(sam.page.getByText("We're on the same side here.")).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);
  for (const width of [1280, 360]) {
    await sam.page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await sam.page.screenshot({ path: testInfo.outputPath(`conversation-pause-${width}.png`), fullPage: true });
  }
  await sam.page.getByRole("button", { name: "We're ready to come back" }).click();
  await expect(stopHeading(alex)).toHaveText("Why I go quiet");

  for (const width of [1280, 360]) {
    await alex.page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await expect(stopHeading(alex)).toBeVisible();
    expect(await alex.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await alex.page.screenshot({ path: testInfo.outputPath(`conversation-${width}.png`), fullPage: width === 1280 });
  }

  // Alex closes with what they agreed; Sam's shared item goes to the history, and Alex reflects privately.
  await alex.page.getByLabel(/What we agreed/).fill(AGREED);
  await alex.page.getByRole("button", { name: "Close this conversation" }).click();
  await expect(alex.page).toHaveURL(/\/conversation\/reflect\?after=/);
  await alex.page.getByLabel("What stayed with me").fill(REFLECTION);
  await alex.page.getByLabel("Add it to my list for my next session").check();
  await alex.page.getByRole("button", { name: "Keep it, privately" }).click();
  await expect(alex.page.getByRole("status").filter({ hasText: "on your list for your next session" })).toBeVisible();
  await alex.page.reload();
  const list = alex.page.getByRole("region", { name: "For my next session" });
  await expect(list).toContainText(REFLECTION);
  await expect(alex.page.getByRole("link", { name: "Download as text" })).toBeVisible();
  await expectNoSeriousAccessibilityProblems(alex.page);
  await alex.page.screenshot({ path: testInfo.outputPath("reflect-360.png"), fullPage: true });

  // Sam sees the history and what they agreed, never Alex's reflection.
  await sam.page.goto("/conversation/history");
  await expect(sam.page.locator("main")).toContainText(AGREED);
  await expect(sam.page.locator("main")).toContainText("Why I go quiet");
  await expectNoSeriousAccessibilityProblems(sam.page);
  await sam.page.goto("/conversation/reflect");
  await expect(sam.page.locator("main")).not.toContainText(REFLECTION);
  const download = await sam.page.request.get("/conversation/reflect/next-session.txt");
  expect(await download.text()).not.toContain(REFLECTION);
  // Off the agenda (still shared: it waits among the shared items, for either to add again).
  await sam.page.goto("/plan");
  await expect(sam.page.getByRole("heading", { level: 3, name: "Why I go quiet" })).toHaveCount(0);
});

test("ground rules change only when both agree: a proposal shows to the other, who accepts it", async ({ signUp }) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);
  await sam.page.goto("/conversation/rules");
  await sam.page.getByLabel("Ground rules, one a line").fill("No phones at the table.\nOne of us speaks at a time.");
  await sam.page.getByRole("button", { name: "Propose to my partner" }).click();
  await expect(sam.page.getByRole("heading", { name: `Your proposal, waiting for ${alex.displayName}` })).toBeVisible();

  await alex.page.goto("/conversation/rules");
  const agreed = alex.page.getByRole("region", { name: /Where we start/ });
  await expect(agreed).not.toContainText("No phones at the table.");
  await expect(alex.page.getByRole("heading", { name: `${sam.displayName} proposes a change` })).toBeVisible();
  await expectNoSeriousAccessibilityProblems(alex.page);
  await alex.page.getByRole("button", { name: "Accept, for both of us" }).click();
  await expect(alex.page.getByRole("region", { name: "What we agreed" })).toContainText("No phones at the table.");
  await sam.page.goto("/conversation");
  await sam.page.getByText("Our ground rules").click();
  await expect(sam.page.locator("main")).toContainText("No phones at the table.");
});
