import { AT_HOME, expect, signIn, test } from "./support/fixtures";

const WRONG = "The email or password is wrong.";
const PAUSED = /Too many sign-in attempts\. For your safety, sign-in is paused: try again in 1[45] minutes\./;

test.describe("guessing a password through the real server", () => {
  test("a guesser is stopped after five tries whatever X-Forwarded-For they write, and the owner still signs in", async ({ signUp, browser }) => {
    // Eight password checks in a row: allow a busy machine time.
    test.setTimeout(180_000);
    const owner = await signUp("Owner");
    await owner.page.getByRole("button", { name: "Sign out" }).click();
    await expect(owner.page).toHaveURL(/\/sign-in\?signedOut=1$/);

    // Behind the proxy, the guesser writes whatever they like on the left; the proxy appends the address it saw.
    const guesser = await browser.newContext();
    const page = await guesser.newPage();
    for (let i = 1; i <= 5; i += 1) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${i}.0.1, 192.0.2.${i}, 203.0.113.77` });
      await signIn(page, owner.email, `guess number ${i}`);
      await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.9.9.9, 203.0.113.77" });
    await signIn(page, owner.email, owner.password);
    await expect(page.getByRole("alert").filter({ hasText: PAUSED })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await guesser.close();

    // The owner, from their own address, is not kept out.
    await signIn(owner.page, owner.email, owner.password);
    await expect(owner.page).toHaveURL(AT_HOME, { timeout: 30_000 });
  });

  test("a data export past the hourly limit answers 429 with Retry-After", async ({ signUp }) => {
    const { page } = await signUp("Exporter");
    for (let i = 0; i < 10; i += 1) expect((await page.request.get("/api/export")).status()).toBe(200);
    const refused = await page.request.get("/api/export");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(3000);
    expect((await refused.json()).error).toMatch(/Try again in \d+ minutes\./);
  });
});
