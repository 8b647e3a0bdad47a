import { AT_HOME, expect, signIn, test, uniqueEmail } from "./support/fixtures";

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

  test("the right password opens the home page", async ({ signUp, page }) => {
    const known = await signUp("Dana");
    await signIn(page, known.email, known.password);
    await expect(page).toHaveURL(AT_HOME);
    await expect(page.getByRole("heading", { name: "Hello, Dana" })).toBeVisible();
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
});
