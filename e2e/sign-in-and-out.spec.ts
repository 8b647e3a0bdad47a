import { expect, signIn, test, uniqueEmail } from "./support/fixtures";

const WRONG = "The email or password is wrong.";

test.describe("signing in and out", () => {
  test("a wrong password and an unknown email get the same message", async ({ signUp, page }) => {
    const known = await signUp("Dana");

    await signIn(page, known.email, "not the right passphrase");
    await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    await signIn(page, uniqueEmail("nobody"), "not the right passphrase");
    await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the right password opens the private space", async ({ signUp, page }) => {
    const known = await signUp("Dana");
    await signIn(page, known.email, known.password);
    await expect(page).toHaveURL(/\/notes$/);
    await expect(page.getByRole("heading", { name: "My private space" })).toBeVisible();
  });

  test("after signing out, the private space sends you to sign in", async ({ signUp }) => {
    const { page } = await signUp("Dana");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();

    await page.goto("/notes");
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/export")).status()).toBe(401);
  });

  test("signing up with an email that already has an account says so next to the email", async ({ signUp, page }) => {
    const known = await signUp("Dana");
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone else");
    await page.getByLabel("Email", { exact: true }).fill(known.email);
    await page.getByLabel("Password", { exact: true }).fill("another long passphrase");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(
      "An account already uses this email. Sign in instead.",
    );
  });
});
