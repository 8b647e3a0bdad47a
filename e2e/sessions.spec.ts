import type { Browser, BrowserContext, Cookie, Page } from "@playwright/test";
import { QUICK_EXIT_URL } from "../components/quick-exit";
import { AT_HOME, expect, signIn, test, writeNote, type Person } from "./support/fixtures";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0";

/** A second device of the same person: its own browser, signed in with the same password. */
async function signInOnAnotherDevice(browser: Browser, person: Person, userAgent?: string): Promise<Page> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(AT_HOME, { timeout: 30_000 });
  return page;
}

/** Someone who copied the cookies earlier, trying them in a browser of their own. */
async function browserWithCopiedCookies(browser: Browser, cookies: Cookie[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context;
}

async function expectRefused(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto("/notes");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await (await context.request.get("/api/auth/session")).json()).toEqual({});
  expect((await context.request.get("/api/export")).status()).toBe(401);
}

test.describe("sessions that end", () => {
  // Most of these sign in twice (two password hashes) and visit several pages: allow a busy machine time.
  test.slow();

  test("signing out ends the session on the server: a copy of the cookie taken before is refused", async ({ signUp, browser }) => {
    const dana = await signUp("Dana");
    const copied = await dana.page.context().cookies();
    const thief = await browserWithCopiedCookies(browser, copied);
    const before = await thief.newPage();
    await before.goto("/notes");
    await expect(before.getByRole("heading", { name: "My private space" })).toBeVisible();

    await dana.page.getByRole("button", { name: "Sign out" }).click();
    await expect(dana.page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expectRefused(thief);
    await thief.close();
  });

  test("the Account page lists each device and ends another one", async ({ signUp, browser }) => {
    const dana = await signUp("Dana");
    const laptop = await signInOnAnotherDevice(browser, dana, FIREFOX_ON_WINDOWS);
    await dana.page.goto("/account");
    const list = dana.page.getByRole("region", { name: "Where you are signed in" });
    await expect(list.getByText("This device")).toHaveCount(1);
    await expect(list.getByText("Firefox on Windows", { exact: true })).toBeVisible();

    await list.getByRole("button", { name: "Sign out: Firefox on Windows" }).click();
    await expect(dana.page.getByRole("status").filter({ hasText: "That device is signed out." })).toBeVisible();
    await expect(list.getByText("Firefox on Windows", { exact: true })).toHaveCount(0);
    await expectRefused(laptop.context());

    await dana.page.goto("/notes");
    await expect(dana.page.getByRole("heading", { name: "My private space" })).toBeVisible();
    await laptop.context().close();
  });

  test("sign out everywhere ends every device, this one too", async ({ signUp, browser }) => {
    const dana = await signUp("Dana");
    const phone = await signInOnAnotherDevice(browser, dana);
    await dana.page.goto("/account");
    await dana.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(dana.page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expectRefused(dana.page.context());
    await expectRefused(phone.context());
    await phone.context().close();
  });

  test("changing the password signs out every other device, not this one", async ({ signUp, browser }) => {
    const dana = await signUp("Dana");
    const phone = await signInOnAnotherDevice(browser, dana);
    await dana.page.goto("/account");
    await dana.page.getByLabel("Current password").fill(dana.password);
    await dana.page.getByLabel("New password", { exact: true }).fill("a different long passphrase");
    await dana.page.getByLabel("New password again").fill("a different long passphrase");
    await dana.page.getByRole("button", { name: "Change my password" }).click();
    await expect(dana.page.getByRole("status").filter({ hasText: "every other device is signed out" })).toBeVisible({ timeout: 30_000 });
    await expectRefused(phone.context());
    await dana.page.goto("/notes");
    await expect(dana.page.getByRole("heading", { name: "My private space" })).toBeVisible();
    await phone.context().close();
  });

  test("Quick exit ends the session: Back, or opening the page again, shows sign-in and nothing private", async ({ signUp }) => {
    const dana = await signUp("Dana");
    const { page } = dana;
    await page.route(`${new URL(QUICK_EXIT_URL).origin}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather forecast</h1>" }),
    );
    const noteId = await writeNote(page, { title: "Private words about my week", body: "Only for me." });
    await page.goto("/notes");
    await page.getByRole("link", { name: "Private words about my week" }).click();
    await expect(page).toHaveURL(new RegExp(`/notes/${noteId}$`));

    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page.getByRole("heading", { name: "Weather forecast" })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByText("Private words about my week")).toHaveCount(0);
    await page.goto(`/notes/${noteId}`);
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await (await page.context().request.get("/api/auth/session")).json()).toEqual({});
  });

  test("a neutral tab title names every page with one plain word", async ({ signUp }) => {
    const { page } = await signUp("Dana");
    await page.goto("/account");
    await expect(page).toHaveTitle("Your account · Common Ground");
    await page.getByLabel("Title every page “Notes”").check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Every tab title now says only" })).toBeVisible();
    for (const path of ["/account", "/notes", "/summaries", "/plan"]) {
      await page.goto(path);
      await expect(page).toHaveTitle("Notes");
    }
  });
});
