import { linkCouple } from "./support/couple";
import { expect, test, writeNote } from "./support/fixtures";
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

  test("on the plan, add two topics, move one from its More and tick it off", async ({ signUp }) => {
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

    // Each item's other actions wait behind its "More": Enter opens it, and Move down is next.
    const moneyTalk = agenda.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Money talk" }) });
    await tabTo(page, moneyTalk.locator("summary"), { backwards: true });
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("button", { name: /^Move down\W+Money talk$/i }), { maxPresses: 1 });
    await page.keyboard.press("Enter");
    await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["Holiday plans", "Money talk"]);
    // Last now, it has no Move down: the focus moves to its Move up, still in its More.
    await expect(page.getByRole("button", { name: "Move up: Money talk" })).toBeFocused();

    await tabTo(page, moneyTalk.getByRole("button", { name: "Mark discussed: Money talk" }), { backwards: true, maxPresses: 2 });
    await page.keyboard.press("Space");
    await expect(moneyTalk).toContainText("Discussed");
    await expect(moneyTalk.getByRole("button", { name: "Mark not discussed: Money talk" })).toBeFocused();

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
  test("on a phone, the bar at the foot of the screen, its More, the answer to who is in therapy, and Sign out", async ({ signUp }) => {
    const { page } = await signUp("Noa");
    await page.setViewportSize({ width: 360, height: 780 });
    const nav = page.getByRole("navigation", { name: "Main" });
    await page.goto("/");
    // The bar comes after the page and its footer.
    await tabTo(page, nav.getByRole("link", { name: "Plan", exact: true }), { maxPresses: 40 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/plan$/);
    await expect(nav.getByRole("link", { name: "Plan", exact: true })).toHaveAttribute("aria-current", "page");

    const more = nav.locator("summary");
    await tabTo(page, more);
    await page.keyboard.press("Enter");
    const account = nav.getByRole("link", { name: "Account", exact: true });
    await tabTo(page, account);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/account$/);
    await expect(account).toBeHidden();

    // Arrow keys move through the answers; the private answer is saved by its own button.
    await page.goto("/account");
    await skipToMain(page);
    await tabTo(page, page.getByRole("radio", { name: "I'd rather not say" }));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "I'm in therapy" })).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Save my answer" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Only you see this answer." }).first()).toBeAttached();

    await tabTo(page, more, { maxPresses: 60 });
    await page.keyboard.press("Enter");
    await tabTo(page, nav.getByRole("button", { name: "Sign out" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  });
  test("home: a link notice dismissed, and the partner not in therapy answers on the welcome page and starts with how to receive", async ({ signUp }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);

    const { page } = sam;
    await page.goto("/");
    await skipToMain(page);
    const notice = page.getByRole("listitem").filter({ hasText: "Alex accepted your invite" });
    await tabTo(page, notice.getByRole("button", { name: "Dismiss this notice" }));
    await page.keyboard.press("Enter");
    await expect(notice).toHaveCount(0);
    await expect(page.locator("#main")).toBeFocused();

    // Alex landed on the welcome page when linking.
    await alex.page.reload();
    await skipToMain(alex.page);
    await tabTo(alex.page, alex.page.getByRole("radio", { name: "I'd rather not say" }));
    await alex.page.keyboard.press("ArrowDown");
    await alex.page.keyboard.press("ArrowDown");
    await expect(alex.page.getByRole("radio", { name: "My partner is" })).toBeChecked();
    await tabTo(alex.page, alex.page.getByRole("button", { name: "Save my answer" }));
    await alex.page.keyboard.press("Enter");
    await expect(alex.page.getByRole("status").filter({ hasText: "Only you see this answer." }).first()).toBeAttached();

    await alex.page.goto("/");
    await skipToMain(alex.page);
    await tabTo(alex.page, alex.page.getByRole("link", { name: "See what Sam has shared" }));
    await alex.page.keyboard.press("Enter");
    await expect(alex.page).toHaveURL(/\/shared$/);
  });

  test("draft from a note: select a passage with Shift and the arrows, quote it, and meet the tone check", async ({ signUp }) => {
    const { page } = await signUp("Noor");
    const passage = "I go quiet when I feel flooded.";
    const noteId = await writeNote(page, { title: "Tuesday session", body: `We talked about the weekend. ${passage} Then we planned.` });
    await page.goto(`/summaries/new?from=${noteId}`);
    await skipToMain(page);

    const note = page.getByRole("textbox", { name: /Your note: Tuesday session/ });
    await tabTo(page, note);
    await page.keyboard.press("Control+Home");
    for (let press = 0; press < "We talked about the weekend. ".length; press++) await page.keyboard.press("ArrowRight");
    for (let press = 0; press < passage.length; press++) await page.keyboard.press("Shift+ArrowRight");
    await tabTo(page, page.getByRole("button", { name: "Quote in draft" }));
    await page.keyboard.press("Enter");
    const body = page.getByLabel("What you might share");
    await expect(body).toHaveValue(`“${passage}”\n`);
    // The cursor waits after the quote, to go on writing.
    await expect(body).toBeFocused();
    await page.keyboard.type("My therapist says you never listen.");
    await expect(page.getByRole("region", { name: "A gentle suggestion" }).locator("mark")).toHaveText(["My therapist says you", "you never"]);

    await tabTo(page, page.getByLabel("Headline", { exact: true }), { backwards: true });
    await page.keyboard.type("Why I go quiet");
    await tabTo(page, page.getByRole("button", { name: "Save draft" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "It is still private." })).toBeVisible();
  });
});
