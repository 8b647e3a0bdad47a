import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { expect, test, type Person } from "./support/fixtures";

/**
 * Linking and leaving (decision 032): the copied link keeps working after the same invite is
 * emailed, the inviter is told when the partner links, and the partner who stays is told in
 * one neutral line when the other leaves. Screenshots at 1280 and 360 px go to test-results.
 */
async function shoot(person: Person, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await person.page.setViewportSize({ width, height: 900 });
    await person.page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await person.page.setViewportSize({ width: 1280, height: 900 });
}

test("a copied link still works after it is emailed; the inviter is told of the link, the partner who stays of the leaving", async ({ signUp }) => {
  // Two sign-ups through the outbox, then a journey across both accounts.
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");

  await sam.page.goto("/couple");
  await sam.page.getByRole("button", { name: "Create an invite link" }).click();
  const copied = await sam.page.getByLabel(/Your invite link/).inputValue();

  await sam.page.getByLabel("Your partner's email").fill(alex.email);
  await sam.page.getByRole("button", { name: "Send the invite by email" }).click();
  await expect(sam.page.getByRole("status").filter({ hasText: "the same link as on this page" })).toBeVisible();
  await expect(sam.page.getByText(`Also sent by email to ${alex.email}`)).toBeVisible();
  await expect(sam.page.getByLabel(/Your invite link/)).toHaveValue(copied);
  await expectNoSeriousAccessibilityProblems(sam.page);
  await shoot(sam, "invite-copied-and-emailed");

  await alex.page.goto(copied);
  await alex.page.getByRole("button", { name: "Link with Sam" }).click();
  await expect(alex.page.getByText("You are linked with Sam")).toBeVisible();
  await expect(alex.page.getByText("accepted your invite")).toHaveCount(0);

  // Sam's next page view says so, calmly, until dismissed.
  await sam.page.goto("/notes");
  const linkedNotice = sam.page.getByRole("listitem").filter({ hasText: "Alex accepted your invite: you are linked." });
  await expect(linkedNotice).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);
  await shoot(sam, "notice-partner-linked");
  await linkedNotice.getByRole("button", { name: "Dismiss this notice" }).click();
  await expect(linkedNotice).toHaveCount(0);
  await sam.page.goto("/couple");
  await expect(sam.page.getByText("You are linked with Alex")).toBeVisible();
  await expect(sam.page.getByText("accepted your invite")).toHaveCount(0);

  await alex.page.goto("/couple");
  await alex.page.getByLabel(/I understand that this ends our link/).check();
  await alex.page.getByRole("button", { name: "Leave the couple" }).click();
  await expect(alex.page.getByText("You have left the couple.")).toBeVisible();
  await expect(alex.page.getByText("You are no longer linked with")).toHaveCount(0);

  const leftLine = "You are no longer linked with Alex. Your notes and drafts are untouched.";
  await sam.page.goto("/notes");
  await expect(sam.page.getByText(leftLine)).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);
  await shoot(sam, "notice-partner-left");
  await sam.page.goto("/couple");
  await expect(sam.page.getByText(leftLine)).toBeVisible();
  await expect(sam.page.getByRole("button", { name: "Create an invite link" })).toBeVisible();
  await sam.page.getByRole("button", { name: "Dismiss this notice" }).click();
  await expect(sam.page.getByText(leftLine)).toHaveCount(0);
});
