import { linkCouple } from "./support/couple";
import { expect, test } from "./support/fixtures";

/**
 * A save whose request never arrives (offline, the server restarting) answers in the form, with
 * everything typed still there; trying again saves it once.
 */
test("a note whose save is lost keeps its words, and saves once when sent again", async ({ signUp }) => {
  const { page } = await signUp("Noor");
  await page.goto("/notes/new");
  await page.getByLabel("Title").fill("Words I must not lose");
  await page.getByLabel("Note", { exact: true }).fill("What the therapist asked me to notice this week.");

  await page.route("**/notes/new", (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The app could not be reached, so this may not have been saved." })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Words I must not lose");
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("What the therapist asked me to notice this week.");

  await page.unroute("**/notes/new");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page).toHaveURL(/\/notes\/[0-9a-f-]{36}\?saved=1$/, { timeout: 30_000 });
  await page.goto("/notes");
  await expect(page.getByRole("link", { name: /Words I must not lose/ })).toHaveCount(1);
});

test("a topic whose answer is lost after it was saved is added once when sent again, even after the page is drawn afresh", async ({ signUp }) => {
  const sam = await signUp("Sam");
  await linkCouple(sam, await signUp("Alex"));

  const page = sam.page;
  await page.goto("/plan");
  // A new account's first visit notes its time zone with a request of its own; let it finish.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Topic").fill("Holidays");
  // The first answer is lost on its way back: the topic was added, the person does not know.
  let dropped = false;
  await page.route("**/plan", async (route) => {
    if (route.request().method() !== "POST" || dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Add topic" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "may not have been saved" })).toBeVisible();
  await expect(page.getByLabel("Topic")).toHaveValue("Holidays");
  // Before sending again, something else on the page is saved, and the page is drawn afresh.
  await page.getByRole("button", { name: "Add the check-in topics" }).click();
  await expect(page.getByRole("heading", { name: "Appreciations", level: 3 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Topic")).toHaveValue("Holidays");
  await page.getByRole("button", { name: "Add topic" }).click();
  await expect(page.getByText("Topic added.")).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Holidays", level: 3 })).toHaveCount(1);

  // Once saved, the form moves to a new key: the same topic sent again on purpose is a second one.
  await page.getByLabel("Topic").fill("Holidays");
  await page.getByRole("button", { name: "Add topic" }).click();
  await expect(page.getByRole("heading", { name: "Holidays", level: 3 })).toHaveCount(2, { timeout: 30_000 });
});
