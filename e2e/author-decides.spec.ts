import { expectNoSeriousAccessibilityProblems } from "./support/axe";
import { linkCouple } from "./support/couple";
import { skipToMain, tabTo } from "./support/keyboard";
import { expect, test, type Person } from "./support/fixtures";

/**
 * Consent rule C11 in the browser, both roles: the author chooses "let's talk about it" (on the
 * agenda for both) or "just so you know" (nothing asked); the partner may ask to talk about it,
 * the author declines without a reason, and the partner reads one neutral line; the partner
 * replies warmly and the author sees it. The answer and the reply are given by keyboard alone.
 */
async function shoot(person: Person, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await person.page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await person.page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    const scrollWidth = await person.page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(width);
  }
  await person.page.setViewportSize({ width: 1280, height: 800 });
}

async function shareDraft(author: Person, title: string, intent: "Just so you know" | "Let's talk about it"): Promise<void> {
  await author.page.goto("/summaries/new");
  await author.page.getByLabel("Headline", { exact: true }).fill(title);
  await author.page.getByLabel("What you might share").fill(`A few lines about "${title}", in my own words.`);
  await author.page.getByRole("radio", { name: "Just listen" }).check();
  await author.page.getByRole("button", { name: "Save draft" }).click();
  await expect(author.page.getByText("It is still private.")).toBeVisible();
  await author.page.getByRole("link", { name: "Share…" }).click();
  // The no-obligation choice is the default, and the preview says what the partner will read.
  await expect(author.page.getByRole("radio", { name: "Just so you know" })).toBeChecked();
  await author.page.getByRole("radio", { name: intent }).check();
  const sentence = intent === "Just so you know" ? `${author.displayName} is sharing this just so you know` : `${author.displayName} would like to talk about this together.`;
  await expect(author.page.locator("[data-depth-preview] [data-shared-words]").filter({ visible: true })).toContainText(sentence);
  await author.page.getByLabel(/This is my own choice/).check();
  await author.page.getByLabel(/This is about me and my feelings/).check();
  if (intent === "Let's talk about it") await shoot(author, "share-step-lets-talk");
  await author.page.getByRole("button", { name: "Share with Alex" }).click();
  await expect(author.page.getByText("Shared. Your partner can now read it")).toBeVisible();
}

const card = (person: Person, title: string) => person.page.locator("article").filter({ has: person.page.getByRole("heading", { name: title, exact: true }) });

test("the author decides where a disclosure goes; the partner asks, replies, and is never told why", async ({ signUp }) => {
  test.slow();
  const sam = await signUp("Sam");
  const alex = await signUp("Alex");
  await linkCouple(sam, alex);

  // "Let's talk about it": on the agenda for both, and only Sam can mark it or take it off.
  await shareDraft(sam, "Why I need a walk after work", "Let's talk about it");
  await expect(sam.page.getByText("It is on your conversation plan")).toBeVisible();
  await alex.page.goto("/plan");
  const onAgenda = alex.page.locator("ol.agenda li").filter({ hasText: "Why I need a walk after work" });
  await expect(onAgenda).toContainText("Sam decides when this is discussed.");
  await expect(onAgenda.getByRole("button", { name: /Mark discussed|Remove/ })).toHaveCount(0);
  await expectNoSeriousAccessibilityProblems(alex.page);
  await shoot(alex, "plan-partner");
  await sam.page.goto("/plan");
  const samsItem = sam.page.locator("ol.agenda li").filter({ hasText: "Why I need a walk after work" });
  await expect(samsItem.getByRole("button", { name: "Mark discussed" })).toBeVisible();
  await expectNoSeriousAccessibilityProblems(sam.page);

  // "Just so you know": nothing asked. Alex asks to talk about it, once, with no words of their own.
  await shareDraft(sam, "A memory that came up", "Just so you know");
  await alex.page.goto("/shared");
  const justSo = card(alex, "A memory that came up");
  await expect(justSo).toContainText("Sam is sharing this just so you know — there's nothing you need to do.");
  await expect(justSo).toContainText("Just listening looks like this");
  await expect(justSo).toContainText("Don't ask about the therapist or what they said.");
  await expect(justSo).toContainText("Sam will see your reply.");
  await expect(justSo.getByRole("button", { name: "Add to our plan" })).toHaveCount(0);
  await expectNoSeriousAccessibilityProblems(alex.page);
  await shoot(alex, "shared-partner");
  await justSo.getByRole("button", { name: "Ask to talk about this" }).click();
  await expect(justSo).toContainText("You asked to talk about this. It is Sam's choice.");
  await expect(justSo.getByRole("button", { name: "Ask to talk about this" })).toHaveCount(0);

  // Sam sees the request at home and on Shared, and keeps it as just so you know, with no reason.
  await sam.page.goto("/");
  await expect(sam.page.getByText("Alex asked to talk about")).toBeVisible();
  await sam.page.goto("/shared");
  const asked = card(sam, "A memory that came up");
  await expect(asked).toContainText("Alex asked to talk about this.");
  await expectNoSeriousAccessibilityProblems(sam.page);
  await shoot(sam, "shared-author-request");
  // By keyboard alone.
  await skipToMain(sam.page);
  await tabTo(sam.page, asked.getByRole("button", { name: "Keep it as just so you know" }));
  await sam.page.keyboard.press("Enter");
  await expect(asked.getByRole("button", { name: "Keep it as just so you know" })).toHaveCount(0);

  // Alex reads one neutral line, never a why, and cannot ask again.
  await alex.page.goto("/shared");
  await expect(justSo).toContainText("Sam is keeping this as just so you know for now.");
  await expect(justSo).not.toContainText(/declin|because|reason/i);
  await expect(justSo.getByRole("button", { name: "Ask to talk about this" })).toHaveCount(0);

  // Alex replies warmly; Sam sees the reply on their own card.
  await skipToMain(alex.page);
  await tabTo(alex.page, justSo.getByRole("button", { name: "I'm glad you shared this with me." }));
  await alex.page.keyboard.press("Enter");
  await expect(justSo).toContainText("You replied: “I'm glad you shared this with me.”");
  await sam.page.goto("/shared");
  await expect(card(sam, "A memory that came up")).toContainText("Alex replied: “I'm glad you shared this with me.”");
  await shoot(sam, "shared-author-reply");
});
