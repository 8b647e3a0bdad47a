import { linkCouple } from "./support/couple";
import { expect, test } from "./support/fixtures";

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
  await expect(page.getByRole("button", { name: "Remove from the plan: What went well", exact: true })).toBeVisible();

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
