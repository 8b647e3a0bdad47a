import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { expect, test, writeNote } from "./support/fixtures";

test.describe("pages have no serious accessibility problems", () => {
  // Each axe pass takes seconds on a busy two-core machine, and these tests run several.
  test.slow();

  test("sign-in and sign-up pages, including their error states", async ({ page }) => {
    await page.goto("/sign-in");
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto("/sign-up");
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousAccessibilityProblems(page);
  });

  test("the welcome page, the empty private space and the new-note form, with its errors", async ({ signUp }) => {
    const { page } = await signUp("Eli");
    await page.goto("/welcome");
    await expect(page.getByRole("heading", { name: "Welcome, Eli" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto("/notes");
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto("/notes/new");
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousAccessibilityProblems(page);
  });

  test("a note, the note list and the edit page", async ({ signUp }) => {
    const { page } = await signUp("Eli");
    const noteId = await writeNote(page, { title: "A note to check", body: "Some words.", sessionDate: "2026-11-01", workingOn: "Patience" });
    await expectNoSeriousAccessibilityProblems(page);
    await page.goto("/notes");
    await expectNoSeriousAccessibilityProblems(page);
    await page.goto(`/notes/${noteId}/edit`);
    await expectNoSeriousAccessibilityProblems(page);
  });

  test("the start, about and not-found pages", async ({ page }) => {
    for (const path of ["/", "/about", "/notes/00000000-0000-4000-8000-000000000000/nothing-here"]) {
      await page.goto(path);
      await expectNoSeriousAccessibilityProblems(page);
    }
  });
});
