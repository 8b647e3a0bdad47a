import { linkCouple } from "./support/couple";
import { expect, test } from "./support/fixtures";
import { skipToMain, tabTo } from "./support/keyboard";

/*
 * Each flow is driven with Tab, Shift+Tab, Enter, Space and typing only: no clicks and no
 * fills. Setting up the people (signing up, linking) uses the shared fixtures; the flow under
 * test starts from page.goto(), as someone would from a bookmark, and never tabs to header links.
 */
test.describe("everything works with the keyboard alone, with the focus always visible", () => {
  // Every Tab press is measured in the page, and the flows need two fresh accounts.
  test.slow();

  test("skip to the content, then write a private note, correct a mistake and save it", async ({ signUp }) => {
    const { page } = await signUp("Noor");
    await page.goto("/notes");
    await skipToMain(page);
    // The skip link lands in the content: the very next Tab is the page's own first control.
    await tabTo(page, page.getByRole("link", { name: "New note" }), { maxPresses: 1 });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "New private note" })).toBeVisible();

    const saveNote = page.getByRole("button", { name: "Save note" });
    await tabTo(page, saveNote);
    await page.keyboard.press("Enter");
    const title = page.getByLabel("Title");
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need a second look." })).toBeVisible();
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(title).toHaveAccessibleDescription("Give the note a title.");
    // The focus stays on the button just pressed, so the way back to the field is short.
    await expect(saveNote).toBeFocused();

    await tabTo(page, title, { backwards: true });
    await page.keyboard.type("A note written without a mouse");
    await tabTo(page, page.getByLabel("Note", { exact: true }));
    await page.keyboard.type("Every step of it by keyboard.");
    await tabTo(page, saveNote);
    await page.keyboard.press("Enter");

    await expect(page.getByRole("status").filter({ hasText: "Saved. Only you can see this note." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "A note written without a mouse" })).toBeVisible();
    await expect(page.getByText("Every step of it by keyboard.")).toBeVisible();
  });

  test("draft a summary, share it through the reflection step, then unshare it", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);
    const { page } = sam;

    await page.goto("/summaries/new");
    await skipToMain(page);
    await tabTo(page, page.getByLabel("Headline", { exact: true }));
    await page.keyboard.type("Why I need a walk after work");
    await tabTo(page, page.getByLabel("What you might share"));
    await page.keyboard.type("Twenty minutes outside helps me arrive home properly.");
    const feelCloser = page.getByRole("checkbox", { name: "To feel closer" });
    await tabTo(page, feelCloser);
    await page.keyboard.press("Space");
    await expect(feelCloser).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Save draft" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "It is still private." })).toBeVisible();

    await tabTo(page, page.getByRole("link", { name: "Share…" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "What Alex will see" })).toBeVisible();

    // Sharing without pausing on the two questions is refused, and the refusal is announced.
    const shareButton = page.getByRole("button", { name: "Share with Alex" });
    await tabTo(page, shareButton);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Share only when it is your own choice." })).toBeVisible();
    await expect(shareButton).toBeFocused();

    const ownChoice = page.getByRole("checkbox", { name: /This is my own choice/ });
    const aboutMe = page.getByRole("checkbox", { name: /This is about me and my feelings/ });
    await tabTo(page, ownChoice, { backwards: true });
    await page.keyboard.press("Space");
    await tabTo(page, aboutMe);
    await page.keyboard.press("Space");
    await expect(ownChoice).toBeChecked();
    await expect(aboutMe).toBeChecked();
    await tabTo(page, shareButton);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Shared. Your partner can now read it" })).toBeVisible();

    await alex.page.goto("/shared");
    await expect(alex.page.getByRole("heading", { name: "Why I need a walk after work" })).toBeVisible();

    await tabTo(page, page.getByRole("button", { name: "Unshare" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Unshared." })).toBeVisible();
    await alex.page.goto("/shared");
    await expect(alex.page.getByText("Nothing shared with you right now.")).toBeVisible();
  });

  test("on the plan, add two topics, move one and mark it discussed", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);
    const { page } = sam;

    await page.goto("/plan");
    await skipToMain(page);
    const topic = page.getByLabel("Topic", { exact: true });
    const addTopic = page.getByRole("button", { name: "Add topic" });
    for (const [index, title] of ["Money talk", "Holiday plans"].entries()) {
      // The first time down from the top of the content, then back up from the button just pressed.
      await tabTo(page, topic, { backwards: index > 0 });
      await page.keyboard.type(title);
      await tabTo(page, addTopic);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 3, name: title })).toBeVisible();
      await expect(addTopic).toBeFocused();
    }
    const agenda = page.getByRole("list").filter({ has: page.getByRole("heading", { level: 3 }) });
    await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["Money talk", "Holiday plans"]);

    await tabTo(page, page.getByRole("button", { name: /^Move down\W+Money talk$/i }), { backwards: true });
    await page.keyboard.press("Enter");
    await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["Holiday plans", "Money talk"]);

    const moneyTalk = agenda.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Money talk" }) });
    await tabTo(page, moneyTalk.getByRole("button", { name: "Mark discussed" }));
    await page.keyboard.press("Enter");
    await expect(moneyTalk).toContainText("Discussed");
    await expect(moneyTalk.getByRole("button", { name: "Mark not discussed" })).toBeFocused();

    // The partner sees the same plan, in the new order.
    await alex.page.goto("/plan");
    const alexsAgenda = alex.page.getByRole("list").filter({ has: alex.page.getByRole("heading", { level: 3 }) });
    await expect(alexsAgenda.getByRole("heading", { level: 3 })).toHaveText(["Holiday plans", "Money talk"]);
    await expect(alexsAgenda.getByRole("listitem").filter({ hasText: "Money talk" })).toContainText("Discussed");
  });

  test("plan the couple's check-in", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);
    const { page } = sam;

    await page.goto("/check-ins");
    await expect(page.getByText("No check-in is planned yet.")).toBeVisible();
    await skipToMain(page);
    // A closed list box picks the option whose name is typed.
    const howOften = page.getByLabel("How often");
    await tabTo(page, howOften);
    await page.keyboard.type("Every two");
    await expect(howOften).toHaveValue("FORTNIGHTLY");
    const day = page.getByLabel("Day", { exact: true });
    await tabTo(page, day);
    await page.keyboard.type("Tuesday");
    await expect(day).toHaveValue("2");
    const time = page.getByLabel("Time", { exact: true });
    await tabTo(page, time);
    await page.keyboard.type("0815PM");
    await expect(time).toHaveValue("20:15");
    await tabTo(page, page.getByRole("button", { name: "Save the check-in" }));
    await page.keyboard.press("Enter");

    await expect(page.getByRole("status").filter({ hasText: "Saved. Your partner sees the same check-in." })).toBeVisible();
    await expect(page.getByText(/Every other Tuesday at 20:15/)).toBeVisible();
    await alex.page.goto("/check-ins");
    await expect(alex.page.getByText(/Every other Tuesday at 20:15/)).toBeVisible();
  });
});
