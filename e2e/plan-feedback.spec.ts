import type { Page } from "@playwright/test";
import { linkCouple } from "./support/couple";
import { expect, test } from "./support/fixtures";

/** Opens an agenda item's "More", where its moves and its removal wait. */
async function openMore(page: Page, title: string): Promise<void> {
  await page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) }).locator("summary").click();
}

test("moving and removing plan items is confirmed by a toast, and keyboard focus stays with the work", async ({ signUp }) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);
  const { page } = alex;
  await page.goto("/plan");
  await page.getByRole("button", { name: "Add the check-in topics" }).click();
  const agenda = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["Appreciations", "What went well", "One issue, heard first", "A plan for the week"]);

  // Each item's buttons say which item they act on.
  await expect(page.getByRole("button", { name: "Mark discussed: What went well", exact: true })).toBeVisible();
  await openMore(page, "What went well");
  await expect(page.getByRole("button", { name: "Remove from the plan: What went well", exact: true })).toBeVisible();
  await openMore(page, "Appreciations");

  // Moved down twice from the keyboard: the same button keeps the focus, so Enter again moves it on.
  await page.getByRole("button", { name: "Move down: Appreciations" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Moved down." })).toBeVisible();
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["What went well", "Appreciations", "One issue, heard first", "A plan for the week"]);
  await expect(page.getByRole("button", { name: "Move down: Appreciations" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["What went well", "One issue, heard first", "Appreciations", "A plan for the week"]);

  // Its form is gone with the item, so the toast says it was done, and focus lands on the agenda.
  await page.getByRole("button", { name: "Remove from the plan: Appreciations" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Taken off the plan." })).toBeVisible();
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["What went well", "One issue, heard first", "A plan for the week"]);
  await expect(page.getByRole("heading", { name: "Agenda" })).toBeFocused();
});

test("a change to an item the partner just took off the plan is refused next to that item, and nothing else changes", async ({ signUp }) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);
  await alex.page.goto("/plan");
  await alex.page.getByRole("button", { name: "Add the check-in topics" }).click();
  // The topics are on the plan before Sam opens it.
  await expect(alex.page.getByRole("heading", { level: 3, name: "What went well" })).toBeVisible();
  const samsAgenda = sam.page.getByRole("list").filter({ has: sam.page.getByRole("heading", { level: 3 }) });
  await sam.page.goto("/plan");
  await expect(samsAgenda.getByRole("heading", { level: 3 })).toHaveCount(4);

  // Alex takes one off; Sam's page still shows it, and Sam marks it discussed.
  await openMore(alex.page, "What went well");
  await alex.page.getByRole("button", { name: "Remove from the plan: What went well" }).click();
  await expect(alex.page.getByRole("status").filter({ hasText: "Taken off the plan." })).toBeVisible();
  await sam.page.getByRole("button", { name: "Mark discussed: What went well", exact: true }).click();
  const item = samsAgenda.getByRole("listitem").filter({ has: sam.page.getByRole("heading", { name: "What went well" }) });
  // The same words as for the partner's disclosure (C11), so a refusal never tells which it was.
  await expect(item.getByRole("alert")).toHaveText("This item is not on your plan any more, or only your partner can change it.");
  await expect(samsAgenda.getByRole("alert")).toHaveCount(1);

  await sam.page.reload();
  await expect(samsAgenda.getByRole("heading", { level: 3 })).toHaveText(["Appreciations", "One issue, heard first", "A plan for the week"]);
  await expect(samsAgenda).not.toContainText("Discussed");
});
