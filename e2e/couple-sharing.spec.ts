import { linkCouple } from "./support/couple";
import { expect, test, writeNote, type Person } from "./support/fixtures";

const NOTE = { title: "Session about my father", body: "Private detail about my father that stays mine." };
const SHARED_TEXT = "When I go quiet after work, I'm tired, not angry with you.";
const EDITED_TEXT = "A later private rewording nobody else should see yet.";

async function draftSummaryFromNote(author: Person, noteId: string): Promise<string> {
  await author.page.goto(`/notes/${noteId}`);
  await author.page.getByRole("link", { name: "Draft a summary to maybe share…" }).click();
  await author.page.getByLabel("Headline", { exact: true }).fill("Why I go quiet");
  await author.page.getByLabel("What you might share").fill(SHARED_TEXT);
  await author.page.getByLabel("Something I'm working on in therapy").check();
  await author.page.getByLabel("Just listen").check();
  await author.page.getByRole("button", { name: "Save draft" }).click();
  await expect(author.page.getByText("It is still private.")).toBeVisible();
  const summaryId = new URL(author.page.url()).pathname.split("/")[2];
  if (!summaryId) throw new Error(`Saving a summary landed on ${author.page.url()}`);
  return summaryId;
}

test("partners link, share through the reflection step, see the snapshot, unshare and leave", async ({ signUp }) => {
  // One long journey through many pages: give it the slow-test budget on a busy machine.
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);

  const noteId = await writeNote(sam.page, NOTE);
  const summaryId = await draftSummaryFromNote(sam, noteId);

  // A draft is private: the partner sees nothing, and cannot open it by address.
  await alex.page.goto("/shared");
  await expect(alex.page.getByText("Nothing shared with you right now.")).toBeVisible();
  expect((await alex.page.goto(`/summaries/${summaryId}`))?.status()).toBe(404);

  // The reflection step refuses to share until both questions are answered.
  await sam.page.getByRole("link", { name: "Share…" }).click();
  await expect(sam.page.getByRole("heading", { name: "What Alex will see" })).toBeVisible();
  await sam.page.getByRole("button", { name: "Share with Alex" }).click();
  await expect(sam.page.getByRole("alert").filter({ hasText: "own choice" })).toBeVisible();
  await alex.page.goto("/shared");
  await expect(alex.page.getByText("Nothing shared with you right now.")).toBeVisible();

  await sam.page.getByLabel(/This is my own choice/).check();
  await sam.page.getByLabel(/This is about me and my feelings/).check();
  await sam.page.getByRole("button", { name: "Share with Alex" }).click();
  await expect(sam.page.getByText("Shared. Your partner can now read it")).toBeVisible();

  // The partner sees the snapshot, never the note behind it, and replies; the author puts it on the plan.
  await alex.page.goto("/shared");
  const main = alex.page.locator("main");
  await expect(main).toContainText(SHARED_TEXT);
  await expect(main).toContainText("Something I'm working on in therapy");
  await expect(main).toContainText("How to respond: Just listen");
  await expect(main).not.toContainText(NOTE.title);
  await expect(main).not.toContainText(NOTE.body);
  await alex.page.getByRole("button", { name: "Thank you for telling me." }).click();
  await expect(main.getByText("You replied: “Thank you for telling me.” Sam can see your reply.")).toBeVisible();
  // Only Sam puts it on the plan (C11).
  await expect(alex.page.getByRole("button", { name: "Add to our plan" })).toHaveCount(0);
  await sam.page.goto("/shared");
  await sam.page.getByRole("button", { name: "Add to our plan" }).click();
  await expect(sam.page.getByText("On your plan.")).toBeVisible();
  await alex.page.goto("/plan");
  await expect(alex.page.getByRole("heading", { name: "Why I go quiet" })).toBeVisible();

  // Editing after sharing stays private until shared again (snapshot).
  await sam.page.goto(`/summaries/${summaryId}/edit`);
  await sam.page.getByLabel("What you might share").fill(EDITED_TEXT);
  await sam.page.getByRole("button", { name: "Save changes" }).click();
  await expect(sam.page.getByText("Your partner still sees the version you shared.")).toBeVisible();
  for (const path of ["/shared", "/plan"]) {
    await alex.page.goto(path);
    await expect(alex.page.locator("main")).not.toContainText(EDITED_TEXT);
  }
  await alex.page.goto("/shared");
  await expect(alex.page.locator("main")).toContainText(SHARED_TEXT);

  // Unsharing removes it from every partner-facing page at once, and says so honestly.
  await sam.page.goto(`/summaries/${summaryId}`);
  await expect(sam.page.getByText("They may already have read it.")).toBeVisible();
  await sam.page.getByRole("button", { name: "Unshare" }).click();
  await expect(sam.page.getByText("Unshared.")).toBeVisible();
  for (const path of ["/shared", "/plan"]) {
    await alex.page.goto(path);
    await expect(alex.page.locator("main")).not.toContainText("Why I go quiet");
    await expect(alex.page.locator("main")).not.toContainText(SHARED_TEXT);
  }

  // The author's own history records the grant and the withdrawal; the partner has none of it.
  await sam.page.goto("/summaries/history");
  await expect(sam.page.locator("main")).toContainText("you unshared it");
  await alex.page.goto("/summaries/history");
  await expect(alex.page.getByText("You have not shared anything.")).toBeVisible();

  // Leaving needs no approval; afterwards the two share nothing.
  await sam.page.goto("/couple");
  await sam.page.getByLabel(/I understand that this ends our link/).check();
  await sam.page.getByRole("button", { name: "Leave the couple" }).click();
  await expect(sam.page.getByText("You have left the couple.")).toBeVisible();
  await alex.page.goto("/shared");
  await expect(alex.page.getByText("You are not linked with a partner.")).toBeVisible();
  await sam.page.goto(`/summaries/${summaryId}`);
  await expect(sam.page.getByRole("heading", { level: 1, name: "Why I go quiet" })).toBeVisible();
});

test("an invite link works once, and never for its own author", async ({ signUp }) => {
  // Three sign-ups, each through the emailed link and the outbox.
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  const robin = await signUp("Robin");
  await sam.page.goto("/couple");
  await sam.page.getByRole("button", { name: "Create an invite link" }).click();
  const link = await sam.page.getByLabel(/Your invite link/).inputValue();

  await sam.page.goto(link);
  await sam.page.getByRole("button", { name: "Link with Sam" }).click();
  await expect(sam.page.getByRole("alert").filter({ hasText: "This is your own invite link." })).toBeVisible();

  await alex.page.goto(link);
  await alex.page.getByRole("button", { name: "Link with Sam" }).click();
  await expect(alex.page.getByText("You are linked with Sam")).toBeVisible();

  await robin.page.goto(link);
  await expect(robin.page.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await robin.page.goto("/invite/forged-token-that-matches-nothing");
  await expect(robin.page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
});
