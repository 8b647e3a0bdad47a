import type { Page } from "@playwright/test";
import { expect, test, writeNote } from "./support/fixtures";

/** Fills the form with values the browser's own checks would stop, to reach the server's. */
async function fillPastTheBrowsersChecks(page: Page, fields: { title: string; body: string; sessionDate: string }) {
  await page.getByLabel("Title").fill(fields.title);
  await page.getByLabel("Note", { exact: true }).evaluate((textarea: HTMLTextAreaElement, body) => {
    textarea.removeAttribute("maxlength");
    textarea.value = body;
  }, fields.body);
  await page.getByLabel("Session date (optional)").evaluate((input: HTMLInputElement, date) => {
    input.type = "text";
    input.value = date;
  }, fields.sessionDate);
}

test.describe("the note form refuses bad input and saves nothing", () => {
  test("an empty title, an oversize note and a malformed date each get a message next to their field", async ({ signUp }) => {
    const { page } = await signUp("Cleo");
    await page.goto("/notes/new");
    await fillPastTheBrowsersChecks(page, { title: "   ", body: "x".repeat(20_001), sessionDate: "31/12/2026" });
    await page.getByRole("button", { name: "Save note" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Some fields need a second look." })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Give the note a title.");
    await expect(page.getByLabel("Note", { exact: true })).toHaveAccessibleDescription("Keep the note under 20,000 characters.");
    await expect(page.getByLabel("Session date (optional)")).toHaveAccessibleDescription("Enter a date as YYYY-MM-DD.");
    await expect(page).toHaveURL(/\/notes\/new$/);

    await page.goto("/notes");
    await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
  });

  test("a bad edit leaves the saved note as it was", async ({ signUp }) => {
    const { page } = await signUp("Cleo");
    const noteId = await writeNote(page, { title: "Before the edit", body: "The words I saved." });
    await page.goto(`/notes/${noteId}/edit`);
    await fillPastTheBrowsersChecks(page, { title: "", body: "Words that must not be saved", sessionDate: "2026-02-31x" });
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Give the note a title.");
    await expect(page.getByLabel("Session date (optional)")).toHaveAccessibleDescription("Enter a date as YYYY-MM-DD.");
    await page.goto(`/notes/${noteId}`);
    await expect(page.getByRole("heading", { name: "Before the edit" })).toBeVisible();
    await expect(page.getByText("The words I saved.")).toBeVisible();
  });

  test("a valid note is saved with its session date and theme", async ({ signUp }) => {
    const { page } = await signUp("Cleo");
    const noteId = await writeNote(page, {
      title: "Naming the pattern",
      body: "I go quiet when I feel criticised.",
      sessionDate: "2026-11-20",
      workingOn: "Speaking up early",
    });
    await expect(page.getByRole("heading", { name: "Naming the pattern" })).toBeVisible();
    await expect(page.locator("main")).toContainText("What I'm working on: Speaking up early");
    await expect(page.locator("main")).toContainText("Session on November 20, 2026");

    await page.goto("/notes");
    await expect(page.getByRole("link", { name: "Naming the pattern" })).toHaveAttribute("href", `/notes/${noteId}`);
  });
});
