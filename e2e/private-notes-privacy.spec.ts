import { expect, test, writeNote, type Person } from "./support/fixtures";

const SECRET = {
  title: "What I said about my mother",
  body: "Only I should ever read this sentence.",
  workingOn: "Saying no without guilt",
  sessionDate: "2026-11-12",
};

const NOT_YOURS = "This note does not exist, or it is not yours.";

async function expectNotFound(person: Person, path: string) {
  const response = await person.page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(person.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(person.page.getByText(SECRET.title)).toHaveCount(0);
}

test.describe("a private note belongs to its author alone", () => {
  test("another signed-in user who knows the note's address gets the not-found page", async ({ signUp }) => {
    const author = await signUp("Ana");
    const other = await signUp("Ben");
    const noteId = await writeNote(author.page, SECRET);

    await expectNotFound(other, `/notes/${noteId}`);
    await expectNotFound(other, `/notes/${noteId}/edit`);
    // The author still reaches it, so the not-found above is about who asks.
    await author.page.goto(`/notes/${noteId}`);
    await expect(author.page.getByRole("heading", { name: SECRET.title })).toBeVisible();
  });

  test("another user's note list and data export show nothing of it", async ({ signUp }) => {
    const author = await signUp("Ana");
    const other = await signUp("Ben");
    const noteId = await writeNote(author.page, SECRET);
    await writeNote(other.page, { title: "Ben's own note", body: "Ben wrote this." });

    await other.page.goto("/notes");
    await expect(other.page.getByRole("link", { name: "Ben's own note" })).toBeVisible();
    await expect(other.page.locator("main")).not.toContainText(SECRET.title);
    await expect(other.page.locator("main")).not.toContainText(SECRET.workingOn);

    const exported = await other.page.request.get("/api/export");
    expect(exported.status()).toBe(200);
    const text = await exported.text();
    expect(text).toContain("Ben's own note");
    for (const secret of [SECRET.title, SECRET.body, SECRET.workingOn, noteId]) expect(text).not.toContain(secret);

    const own = await author.page.request.get("/api/export");
    expect(await own.text()).toContain(SECRET.body);
  });

  test("another user who forges the note's id into their own edit form changes nothing", async ({ signUp }) => {
    const author = await signUp("Ana");
    const other = await signUp("Ben");
    const noteId = await writeNote(author.page, SECRET);
    const ownId = await writeNote(other.page, { title: "Ben's own note" });

    await other.page.goto(`/notes/${ownId}/edit`);
    await other.page.locator('input[type="hidden"][name="id"]').evaluate((input: HTMLInputElement, id) => {
      input.value = id;
    }, noteId);
    await other.page.getByLabel("Title").fill("Overwritten by someone else");
    await other.page.getByLabel("Note", { exact: true }).fill("Someone else's words");
    await other.page.getByRole("button", { name: "Save changes" }).click();
    await expect(other.page.getByRole("alert").filter({ hasText: NOT_YOURS })).toBeVisible();

    await author.page.goto(`/notes/${noteId}`);
    await expect(author.page.getByRole("heading", { name: SECRET.title })).toBeVisible();
    await expect(author.page.getByText(SECRET.body)).toBeVisible();
    await expect(author.page.getByText("Someone else's words")).toHaveCount(0);
  });

  test("another user who forges the note's id into their own delete form deletes nothing", async ({ signUp }) => {
    const author = await signUp("Ana");
    const other = await signUp("Ben");
    const noteId = await writeNote(author.page, SECRET);
    const ownId = await writeNote(other.page, { title: "Ben's own note" });

    await other.page.goto(`/notes/${ownId}`);
    await other.page.getByText("Delete…").click();
    await other.page.locator('input[type="hidden"][name="id"]').evaluate((input: HTMLInputElement, id) => {
      input.value = id;
    }, noteId);
    await other.page.getByRole("button", { name: "Yes, delete this note" }).click();
    await expect(other.page.getByRole("alert").filter({ hasText: NOT_YOURS })).toBeVisible();

    await author.page.goto(`/notes/${noteId}`);
    await expect(author.page.getByRole("heading", { name: SECRET.title })).toBeVisible();
    await other.page.goto(`/notes/${ownId}`);
    await expect(other.page.getByRole("heading", { name: "Ben's own note" })).toBeVisible();
  });

  test("a signed-out visitor is sent to sign in, and the data export answers 401", async ({ signUp, browser }) => {
    const author = await signUp("Ana");
    const noteId = await writeNote(author.page, SECRET);
    const visitor = await browser.newContext();
    try {
      const page = await visitor.newPage();
      await page.goto(`/notes/${noteId}`);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByText(SECRET.title)).toHaveCount(0);

      const exported = await page.request.get("/api/export");
      expect(exported.status()).toBe(401);
      expect(await exported.text()).not.toContain(SECRET.title);
    } finally {
      await visitor.close();
    }
  });
});
