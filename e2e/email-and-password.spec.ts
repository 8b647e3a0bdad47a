import { AT_HOME, expect, followEmailedLink, signIn, test, uniqueEmail, writeNote } from "./support/fixtures";

test.describe("addresses people own, and a forgotten password", () => {
  test("a newcomer signs up, confirms through the development outbox and writes a first private note", async ({ signUpThroughTheForms }) => {
    const { page } = await signUpThroughTheForms("Noa");
    await expect(page.getByRole("heading", { name: "Welcome, Noa" })).toBeVisible();
    await writeNote(page, { title: "My first note", body: "Only I can read this." });
    await page.goto("/notes");
    await expect(page.getByRole("link", { name: "My first note" })).toBeVisible();
  });

  test("signing up with a taken address answers as for a new one; only the owner hears of it", async ({ signUp, page: stranger }) => {
    const owner = await signUp("Dana");
    const answerFor = async (email: string) => {
      await stranger.goto("/sign-up");
      await stranger.getByLabel("Your name").fill("Someone else");
      await stranger.getByLabel("Email", { exact: true }).fill(email);
      await stranger.getByRole("button", { name: "Create my account" }).click();
      const status = stranger.getByRole("status").filter({ hasText: "Check your email" });
      await expect(status).toBeVisible();
      return (await status.innerText()).replace(email, "<address>");
    };
    const fresh = uniqueEmail("fresh");
    expect(await answerFor(owner.email)).toBe(await answerFor(fresh));

    // The stranger's browser reads its own link for the new address, and nothing for the owner's.
    await expect(async () => {
      await stranger.goto("/outbox");
      await expect(stranger.getByRole("list", { name: "Links in: Finish creating your Common Ground account" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(stranger.getByText("Signing up to Common Ground")).toHaveCount(0);
    await expect(async () => {
      await owner.page.goto("/outbox");
      await expect(owner.page.getByText("Signing up to Common Ground")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  });

  test("forgot password: a link in the account's own browser, a new password, and the old one stops working", async ({ signUpThroughTheForms, page: stranger }) => {
    // Through the forms: the browser an account signed up in is the one its outbox mail shows in.
    const person = await signUpThroughTheForms("Ari");
    await person.page.getByRole("button", { name: "Sign out" }).click();
    await expect(person.page).toHaveURL(/\/sign-in/);

    // Someone else asks for the same account's link: same answer, and nothing in their outbox.
    await stranger.goto("/forgot-password");
    await stranger.getByLabel("Email", { exact: true }).fill(person.email);
    await stranger.getByRole("button", { name: "Send me a link" }).click();
    await expect(stranger.getByRole("status").filter({ hasText: "we sent it a link" })).toBeVisible();

    // That request's link reaches only the account's own browser, and the next request makes it stale.
    await expect(async () => {
      await person.page.goto("/outbox");
      await expect(person.page.getByRole("list", { name: "Links in: Choose a new Common Ground password" })).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    await person.page.goto("/sign-in");
    await person.page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(person.page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await person.page.getByLabel("Email", { exact: true }).fill(person.email);
    await person.page.getByRole("button", { name: "Send me a link" }).click();
    await expect(person.page.getByRole("status").filter({ hasText: "we sent it a link" })).toBeVisible();
    await followEmailedLink(person.page, "Choose a new Common Ground password", "/reset-password/", 2);
    await person.page.getByLabel("Password", { exact: true }).fill("a completely new passphrase");
    await person.page.getByRole("button", { name: "Save my new password" }).click();
    await expect(person.page).toHaveURL(AT_HOME, { timeout: 30_000 });

    await stranger.goto("/outbox");
    await expect(stranger.getByText("Choose a new Common Ground password")).toHaveCount(0);

    await signIn(stranger, person.email, person.password);
    await expect(stranger.getByRole("alert").filter({ hasText: "The email or password is wrong." })).toBeVisible({ timeout: 30_000 });
  });
});
