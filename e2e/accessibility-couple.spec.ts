import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { DEMO_ALEX, signInAsDemo } from "./support/demo";
import { expect, test } from "./support/fixtures";

/** A visible message, matched anywhere in an accessible description (which may start with the field's hint). */
function containing(message: string): RegExp {
  return new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

/**
 * After a refused submit, what a screen reader user needs: the form's alert is announced, and
 * the field in question is marked invalid and described by its own message.
 */
async function expectAnnouncedFieldError(page: Page, { alert, field, message }: { alert: string; field: Locator; message: string }) {
  await expect(page.getByRole("alert").filter({ hasText: alert })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(containing(message));
}

const FIELDS_NEED_A_LOOK = "Some fields need a second look.";

test.describe("the couple's pages have no serious accessibility problems", () => {
  // Each axe pass takes seconds on a busy two-core machine, and these tests run many.
  test.slow();

  test("the partner page before and after linking, the outbox, and the invite page signed out, signed in and with a bad link", async ({
    signUp,
    signUpThroughTheForms,
    page: signedOut,
  }) => {
    // Through the forms: Robin's outbox is checked below for Robin's own sign-up link.
    const robin = await signUpThroughTheForms("Robin");
    const kai = await signUp("Kai");

    await robin.page.goto("/couple");
    await expect(robin.page.getByRole("button", { name: "Create an invite link" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(robin.page);

    const partnersEmail = robin.page.getByLabel("Your partner's email");
    await robin.page.getByRole("button", { name: "Send the invite by email" }).click();
    await expectAnnouncedFieldError(robin.page, { alert: FIELDS_NEED_A_LOOK, field: partnersEmail, message: "Enter your email address." });
    await expectNoSeriousAccessibilityProblems(robin.page);
    await partnersEmail.fill(kai.email);
    await robin.page.getByRole("button", { name: "Send the invite by email" }).click();
    await expect(robin.page.getByRole("status").filter({ hasText: "the same link as on this page" })).toBeVisible();

    // Robin's outbox holds Robin's own sign-up link, never the invite meant for Kai's address.
    await robin.page.goto("/outbox");
    await expect(robin.page.getByText("Finish creating your Common Ground account")).toBeVisible();
    await expect(robin.page.getByText("Robin invited you to Common Ground")).toHaveCount(0);
    await expectNoSeriousAccessibilityProblems(robin.page);
    await kai.page.goto("/outbox");
    await expect(async () => {
      await kai.page.reload();
      await expect(kai.page.getByText("Robin invited you to Common Ground")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expectNoSeriousAccessibilityProblems(kai.page);

    // The emailed invite is the one shown on the page, now addressed to Kai.
    await robin.page.goto("/couple");
    const link = await robin.page.getByLabel(/Your invite link/).inputValue();
    await expect(robin.page.getByText(`Also sent by email to ${kai.email}`)).toBeVisible();
    await expectNoSeriousAccessibilityProblems(robin.page);

    await signedOut.goto(link);
    await expect(signedOut.getByRole("link", { name: "Create an account to accept" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(signedOut);
    await kai.page.goto("/invite/a-link-that-matches-no-invite");
    await expect(kai.page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(kai.page);
    await kai.page.goto(link);
    await expect(kai.page.getByRole("button", { name: "Link with Robin" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(kai.page);

    await kai.page.getByRole("button", { name: "Link with Robin" }).click();
    await expect(kai.page.getByText("You are linked with Robin")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(kai.page);
    await kai.page.goto("/couple");
    await kai.page.getByRole("button", { name: "Leave the couple" }).click();
    await expectAnnouncedFieldError(kai.page, {
      alert: FIELDS_NEED_A_LOOK,
      field: kai.page.getByLabel(/I understand that this ends our link/),
      message: "Tick the box to confirm that you want to leave.",
    });
    await expectNoSeriousAccessibilityProblems(kai.page);
  });

  test("summaries from empty to shared: the form and the reflection step with their errors, the history, and the partner's shared view", async ({
    signUp,
  }) => {
    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);

    await alex.page.goto("/shared");
    await expect(alex.page.getByText("Nothing shared with you right now.")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(alex.page);
    await alex.page.goto("/summaries/history");
    await expect(alex.page.getByText("You have not shared anything.")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(alex.page);

    const { page } = sam;
    await page.goto("/summaries");
    await expect(page.getByRole("heading", { name: "No summaries yet" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto("/summaries/new");
    await page.getByRole("button", { name: "Save draft" }).click();
    const headline = page.getByLabel("Headline", { exact: true });
    await expectAnnouncedFieldError(page, { alert: FIELDS_NEED_A_LOOK, field: headline, message: "Give the summary a headline." });
    await expectNoSeriousAccessibilityProblems(page);
    await headline.fill("Why I need a walk after work");
    await page.getByLabel("What you might share").fill("Twenty minutes outside helps me arrive home properly.");
    await page.getByLabel("Just listen").check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("It is still private.")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    const summaryPath = new URL(page.url()).pathname;

    await page.goto("/summaries");
    await expect(page.getByRole("link", { name: "Why I need a walk after work" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    await page.goto(`${summaryPath}/edit`);
    await expect(page.getByRole("heading", { name: "Edit summary" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto(`${summaryPath}/share`);
    await expect(page.getByRole("heading", { name: "What Alex will see" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Share with Alex" }).click();
    const ownChoice = page.getByLabel(/This is my own choice/);
    await expectAnnouncedFieldError(page, {
      alert: FIELDS_NEED_A_LOOK,
      field: ownChoice,
      message: "Share only when it is your own choice. Not sharing is always fine.",
    });
    await expectNoSeriousAccessibilityProblems(page);
    await ownChoice.check();
    await page.getByLabel(/This is about me and my feelings/).check();
    await page.getByRole("button", { name: "Share with Alex" }).click();
    await expect(page.getByText("Shared. Your partner can now read it")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto("/summaries/history");
    await expect(page.getByRole("link", { name: "Why I need a walk after work" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    await alex.page.goto("/shared");
    await expect(alex.page.getByRole("button", { name: "Thank you for telling me." })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(alex.page);
  });

  test("the plan and check-ins: not linked, empty, with their form errors, and filled in", async ({ signUp }) => {
    const lee = await signUp("Lee");
    for (const [path, notLinked] of [
      ["/plan", "Invite your partner"],
      ["/check-ins", "Link with your partner"],
      ["/shared", "Invite your partner"],
    ] as const) {
      await lee.page.goto(path);
      await expect(lee.page.getByRole("link", { name: notLinked })).toBeVisible();
      await expectNoSeriousAccessibilityProblems(lee.page);
    }

    const sam = await signUp("Sam");
    const alex = await signUp("Alex");
    await linkCouple(sam, alex);
    const { page } = sam;

    await page.goto("/plan");
    await expect(page.getByText("Nothing on the plan yet.")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Add topic" }).click();
    await expectAnnouncedFieldError(page, { alert: FIELDS_NEED_A_LOOK, field: page.getByLabel("Topic", { exact: true }), message: "Name the topic." });
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Add the check-in topics" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Appreciations" })).toBeVisible();
    await page.getByRole("button", { name: "Mark discussed" }).first().click();
    await expect(page.getByRole("button", { name: "Mark not discussed" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);

    await page.goto("/check-ins");
    await expect(page.getByText("No check-in is planned yet.")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    const time = page.getByLabel("Time", { exact: true });
    await time.fill("");
    await page.getByRole("button", { name: "Save the check-in" }).click();
    await expectAnnouncedFieldError(page, { alert: FIELDS_NEED_A_LOOK, field: time, message: "Enter a time as hours and minutes, e.g. 19:30." });
    await expectNoSeriousAccessibilityProblems(page);
    await time.fill("19:30");
    await page.getByRole("button", { name: "Save the check-in" }).click();
    await expect(page.getByText(/Every Sunday at 19:30/)).toBeVisible();

    await page.getByLabel("Email me a reminder before each check-in").check();
    await page.getByRole("button", { name: "Save my reminders" }).click();
    await expect(page.getByRole("alert").filter({ hasText: FIELDS_NEED_A_LOOK })).toBeVisible();
    await expect(page.getByRole("group", { name: "When" })).toHaveAccessibleDescription(
      "Choose at least one time to be reminded, or turn reminders off.",
    );
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByLabel("1 hour before").check();
    await page.getByRole("button", { name: "Save my reminders" }).click();
    await expect(page.getByText("Your next reminder will be sent at")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
  });

  test("the account page with its errors, a bad unsubscribe link, and the signed-out sign-in page with its errors", async ({ signUp, page: signedOut }) => {
    const { page } = await signUp("Ari");
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expectAnnouncedFieldError(page, { alert: FIELDS_NEED_A_LOOK, field: page.getByLabel("Your password"), message: "Enter your password to confirm." });
    await expectAnnouncedFieldError(page, {
      alert: FIELDS_NEED_A_LOOK,
      field: page.getByLabel("I understand this cannot be undone."),
      message: "Tick the box to confirm that you want to delete everything.",
    });
    await expectNoSeriousAccessibilityProblems(page);
    await page.getByRole("button", { name: "Change my password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(containing("Enter your current password."));
    await expectNoSeriousAccessibilityProblems(page);

    expect((await page.goto("/unsubscribe/not-a-real-token"))?.status()).toBe(404);
    await expectNoSeriousAccessibilityProblems(page);

    await signedOut.goto("/sign-in?signedOut=1");
    await expect(signedOut.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(signedOut);
    await signedOut.getByRole("button", { name: "Sign in" }).click();
    await expectAnnouncedFieldError(signedOut, {
      alert: FIELDS_NEED_A_LOOK,
      field: signedOut.getByLabel("Email", { exact: true }),
      message: "Enter your email address.",
    });
    await expectNoSeriousAccessibilityProblems(signedOut);
  });

  test("the demo couple's filled-in pages, only read", async ({ page }) => {
    await signInAsDemo(page, DEMO_ALEX);
    await page.goto("/plan");
    await expect(page.getByText("Shared by Sam")).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
    await page.goto("/shared");
    await expect(page.getByRole("heading", { name: "Why I go quiet in arguments" })).toBeVisible();
    await expectNoSeriousAccessibilityProblems(page);
  });
});
