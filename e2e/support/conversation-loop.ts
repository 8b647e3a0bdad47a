import type { Locator } from "@playwright/test";
import { expectNoSeriousAccessibilityProblems } from "./axe";
import { linkCouple } from "./couple";
import { expect, test, type Person } from "./fixtures";

/**
 * Issue 12's whole loop for a new couple, each partner in their own browser and time zone: set
 * the weekly check-in with reminders, build the agenda (a disclosure the author wants to talk
 * about, a topic), get the reminder email for the next conversation, hold the conversation with
 * turns, the listener's rule and a pause, close it with what they agreed, reflect privately, and
 * find it in the history with the open topic carried forward.
 *
 * The reminder is real: the app under test sends reminders itself, every 10 seconds here
 * (REMINDER_DISPATCH=app, REMINDER_SWEEP_SECONDS=10). Mira moves this week's check-in to a few minutes from
 * now, so the "15 minutes before" reminder is already due and the next sweep sends it; the wait
 * overlaps building the agenda.
 *
 * Shared by the spec on the ordinary e2e server (embedded database) and the one on a fresh
 * PostgreSQL database (conversation-loop-postgres.spec.ts): `signIn` gives a fresh account of
 * that name, signed in, in a browser context of its own in that zone whose base URL is the app
 * under test. Mail is read in each person's development outbox on that app.
 */
const MIRA_ZONE = "Europe/Berlin";
const THEO_ZONE = "America/New_York";
const SHARED_TITLE = "What I understood about my temper";
const SHARED_TEXT = "When I snap, it is mostly fear of not being heard. I'd like us to work out a signal.";
const TOPIC = "Sharing the weekend chores";
const AGREED = "A 'time out' word either of us can say, and we come back within the hour.";
const MIRAS_REFLECTION = "I felt calmer once Theo said back what he heard.";
const THEOS_REFLECTION = "I wanted to defend myself; ask my therapist how to stay curious instead.";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** "2026-11-29T19:13" and "19:13" for an instant, in a zone: what a datetime-local field takes and what emails name. */
function wallTime(at: Date, timeZone: string): { input: string; clock: string } {
  const local = at.toLocaleString("sv-SE", { timeZone, hour12: false }).replace(" ", "T").slice(0, 16);
  return { input: local, clock: local.slice(11) };
}

const stopHeading = (person: Person) => person.page.locator("#stop-heading");
const turnLine = (person: Person) => person.page.locator("#turn-line");
const agendaItem = (person: Person, title: string): Locator => person.page.locator("ol.agenda li").filter({ hasText: title });

/** Email reminders on, 15 minutes before only (the other lead times off), saved. */
async function turnOnReminders(person: Person): Promise<void> {
  await person.page.goto("/check-ins");
  await person.page.getByLabel("Email me a reminder before each check-in").check();
  await person.page.getByLabel("1 day before").uncheck();
  await person.page.getByLabel("1 hour before").uncheck();
  await person.page.getByLabel("15 minutes before").check();
  await person.page.getByRole("button", { name: "Save my reminders" }).click();
  await expect(person.page.getByRole("status").filter({ hasText: "Saved. Your reminders are on." })).toBeVisible();
}

/**
 * Waits in the person's own development outbox for the reminder of the conversation at `clock`
 * in their zone, then follows its link to the plan. The server sweeps every 10 seconds.
 */
async function followReminder(person: Person, clock: string, zoneName: string): Promise<void> {
  const subject = new RegExp(`^Links in: Reminder: check-in on \\w+ \\d+ \\w+( \\d{4})?, ${clock}, ${zoneName}$`);
  const planLink = person.page.getByRole("list", { name: subject }).getByRole("link", { name: /\/plan$/ });
  await expect(async () => {
    await person.page.goto("/outbox");
    await expect(planLink).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(planLink).toHaveCount(1);
  await planLink.click();
  await expect(person.page).toHaveURL(/\/plan$/);
}

/** The whole loop, from two accounts not yet linked to the history; takes up to about four minutes. */
export async function walkTheWholeLoop(signIn: (displayName: "Mira" | "Theo", options: { timezoneId: string }) => Promise<Person>): Promise<void> {
  const mira = await signIn("Mira", { timezoneId: MIRA_ZONE });
  const theo = await signIn("Theo", { timezoneId: THEO_ZONE });
  await linkCouple(mira, theo);

  // 1. Mira sets the weekly check-in, three days from today, with its zone named; both turn on reminders.
  const todayInBerlin = new Date().toLocaleDateString("en-GB", { timeZone: MIRA_ZONE, weekday: "long" });
  expect(WEEKDAYS).toContain(todayInBerlin);
  const day = WEEKDAYS[(WEEKDAYS.indexOf(todayInBerlin as (typeof WEEKDAYS)[number]) + 3) % 7]!;
  await mira.page.goto("/check-ins");
  await expect(mira.page.getByLabel("Time zone")).toHaveValue(MIRA_ZONE);
  await mira.page.getByLabel("Day", { exact: true }).selectOption({ label: day });
  await mira.page.getByLabel("Time", { exact: true }).fill("19:00");
  await mira.page.getByRole("button", { name: "Save the check-in" }).click();
  await expect(mira.page.getByText(`Every ${day} at 19:00 (${MIRA_ZONE})`)).toBeVisible();
  await turnOnReminders(mira);
  await expect(mira.page.getByText(/Your next reminder will be sent at/)).toBeVisible();
  await expectNoSeriousAccessibilityProblems(mira.page);
  await turnOnReminders(theo);

  // This week they talk sooner: Mira moves this one check-in to a few minutes from now.
  const soon = new Date(Math.ceil((Date.now() + 6 * 60_000) / 60_000) * 60_000);
  const forMira = wallTime(soon, MIRA_ZONE);
  const forTheo = wallTime(soon, THEO_ZONE);
  await mira.page.goto("/plan");
  const mirasWhen = mira.page.getByRole("region", { name: "When" });
  await expect(mirasWhen).toContainText(new RegExp(`For your check-in on ${day} \\d+ \\w+( \\d{4})?, 19:00, Europe/Berlin\\.`));
  await mirasWhen.getByText("Move this check-in").click();
  await mirasWhen.getByLabel("New date and time").fill(forMira.input);
  await mirasWhen.getByRole("button", { name: "Move it" }).click();
  await expect(mira.page.getByRole("status").filter({ hasText: "Moved." })).toBeVisible();
  const movedAt = Date.now();
  await expect(mirasWhen).toContainText(`, ${forMira.clock}, Europe/Berlin.`);
  await theo.page.goto("/plan");
  const theosWhen = theo.page.getByRole("region", { name: "When" });
  await expect(theosWhen).toContainText(`, ${forTheo.clock}, America/New York.`);
  await expect(theosWhen).toContainText("Moved by Mira");

  // 2. The agenda: Mira shares a summary and asks to talk about it (on the agenda at once); Theo adds a topic.
  await mira.page.goto("/summaries/new");
  await mira.page.getByLabel("Headline", { exact: true }).fill(SHARED_TITLE);
  await mira.page.getByLabel("What you might share").fill(SHARED_TEXT);
  await mira.page.getByRole("radio", { name: "Help me think it through" }).check();
  await mira.page.getByRole("button", { name: "Save draft" }).click();
  await expect(mira.page.getByText("It is still private.")).toBeVisible();
  await mira.page.getByRole("link", { name: "Share…" }).click();
  await mira.page.getByRole("radio", { name: "Let's talk about it" }).check();
  await mira.page.getByLabel(/This is my own choice/).check();
  await mira.page.getByLabel(/This is about me and my feelings/).check();
  await mira.page.getByRole("button", { name: `Share with ${theo.displayName}` }).click();
  await expect(mira.page.getByText("It is on your conversation plan")).toBeVisible();

  await theo.page.goto("/plan");
  await expect(agendaItem(theo, SHARED_TITLE)).toContainText("Mira decides when this is discussed.");
  await theo.page.getByLabel("Topic", { exact: true }).fill(TOPIC);
  await theo.page.getByRole("button", { name: "Add topic" }).click();
  await expect(theo.page.getByRole("status").filter({ hasText: "Topic added." })).toBeVisible();
  await expect(agendaItem(theo, TOPIC)).toBeVisible();
  await expectNoSeriousAccessibilityProblems(theo.page);

  // 3. The reminder reaches each partner's outbox, names the time in their own zone and links to the plan.
  await followReminder(mira, forMira.clock, "Europe/Berlin");
  await expect(agendaItem(mira, SHARED_TITLE)).toBeVisible();
  await expect(agendaItem(mira, TOPIC)).toBeVisible();
  await followReminder(theo, forTheo.clock, "America/New York");
  test.info().annotations.push({ type: "reminder", description: `both reminders were in the outbox ${Math.round((Date.now() - movedAt) / 1000)} s after the move` });
  await theo.page.goto("/outbox");
  await expectNoSeriousAccessibilityProblems(theo.page);

  // 4. Theo starts from the plan; Mira joins on her own phone.
  await theo.page.goto("/plan");
  await theo.page.getByRole("link", { name: "Start our conversation" }).click();
  await theo.page.getByRole("button", { name: "Start our conversation" }).click();
  await expect(stopHeading(theo)).toHaveText(/^Appreciations/);
  await expect(turnLine(theo)).toHaveText("Your turn to speak. Mira listens.");
  await mira.page.goto("/conversation");
  await expect(stopHeading(mira)).toHaveText(/^Appreciations/);
  await expect(turnLine(mira)).toHaveText("Theo speaks. Your turn to listen.");

  // Turns: Theo hands over; both screens follow.
  await theo.page.getByRole("button", { name: "Pass the turn" }).click();
  await expect(turnLine(theo)).toHaveText("Mira speaks. Your turn to listen.");
  await expect(turnLine(mira)).toHaveText("Your turn to speak. Theo listens.");

  // On to Mira's disclosure: she speaks first, and Theo listens by her wish.
  await theo.page.getByRole("button", { name: "Next" }).click();
  await expect(stopHeading(theo)).toHaveText(/^What went well/);
  await theo.page.getByRole("button", { name: "Next" }).click();
  await expect(stopHeading(theo)).toHaveText(SHARED_TITLE);
  await expect(theo.page.locator("main")).toContainText(SHARED_TEXT);
  await expect(turnLine(theo)).toHaveText("Mira speaks. Your turn to listen.");
  await expect(theo.page.getByText("Listener: Think it through.")).toBeVisible();
  await expect(theo.page.getByText(/^Before you answer, say back what you heard/)).toBeVisible();
  await expect(stopHeading(mira)).toHaveText(SHARED_TITLE);
  await expect(turnLine(mira)).toHaveText("Your turn to speak. Theo listens.");
  await expectNoSeriousAccessibilityProblems(theo.page);

  // Theo calls a pause: both see it and the same time to come back; Mira brings them back.
  await theo.page.getByRole("button", { name: "Call a pause" }).click();
  await expect(theo.page.getByRole("heading", { name: "A pause, called by you" })).toBeVisible();
  await expect(mira.page.getByRole("heading", { name: "A pause, called by Theo" })).toBeVisible();
  const backAt = (person: Person) => person.page.getByText("Back together at").locator("time");
  await expect(backAt(theo)).toHaveText(/\d\d:\d\d/);
  await expect(backAt(mira)).toHaveText(/\d\d:\d\d/);
  const theosBackAt = await backAt(theo).getAttribute("datetime");
  expect(await backAt(mira).getAttribute("datetime")).toBe(theosBackAt);
  const pauseMinutes = (new Date(theosBackAt!).getTime() - Date.now()) / 60_000;
  expect(pauseMinutes).toBeGreaterThan(18);
  expect(pauseMinutes).toBeLessThanOrEqual(20);
  await expect(mira.page.getByRole("timer")).toHaveText(/^(20:00|19:\d\d|18:\d\d)$/);
  await expectNoSeriousAccessibilityProblems(mira.page);
  await mira.page.getByRole("button", { name: "We're ready to come back" }).click();
  await expect(stopHeading(mira)).toHaveText(SHARED_TITLE);
  await expect(stopHeading(theo)).toHaveText(SHARED_TITLE);

  // 5. Only Mira, the author, may mark her disclosure discussed.
  await expect(theo.page.getByRole("button", { name: "Mark discussed" })).toHaveCount(0);
  await mira.page.getByRole("button", { name: "Mark discussed" }).click();
  await expect(mira.page.getByRole("status").filter({ hasText: "Marked as discussed." })).toBeVisible();
  await expect(theo.page.locator("main")).toContainText("Shared by Mira · Discussed");

  // Theo's topic comes next; they leave it open, and Theo closes with what they agreed.
  await theo.page.getByRole("button", { name: "Next" }).click();
  await expect(stopHeading(theo)).toHaveText(TOPIC);
  await expect(turnLine(theo)).toHaveText("Your turn to speak. Mira listens.");
  await expect(stopHeading(mira)).toHaveText(TOPIC);
  await expect(mira.page.getByText("Listener: Listen first.")).toBeVisible();
  await theo.page.getByLabel(/What we agreed/).fill(AGREED);
  await theo.page.getByRole("button", { name: "Close this conversation" }).click();
  await expect(theo.page).toHaveURL(/\/conversation\/reflect\?after=/);

  // 6. Each reflects privately: Theo's goes on his list for his next session, Mira keeps hers.
  await theo.page.getByLabel("What stayed with me").fill(THEOS_REFLECTION);
  await theo.page.getByLabel("Add it to my list for my next session").check();
  await theo.page.getByRole("button", { name: "Keep it, privately" }).click();
  await expect(theo.page.getByRole("status").filter({ hasText: "on your list for your next session" })).toBeVisible();

  await mira.page.goto("/conversation/reflect");
  await expect(mira.page.locator("main")).not.toContainText(THEOS_REFLECTION);
  await mira.page.getByLabel("What stayed with me").fill(MIRAS_REFLECTION);
  await mira.page.getByRole("button", { name: "Keep it, privately" }).click();
  await expect(mira.page.getByRole("status").filter({ hasText: "Saved, for you alone." })).toBeVisible();
  await mira.page.reload();
  await expect(mira.page.getByRole("region", { name: "Other reflections" })).toContainText(MIRAS_REFLECTION);
  await expect(mira.page.getByRole("region", { name: "For my next session" })).toContainText("Nothing on it.");
  await expect(mira.page.locator("main")).not.toContainText(THEOS_REFLECTION);
  expect(await (await mira.page.request.get("/conversation/reflect/next-session.txt")).text()).not.toContain(THEOS_REFLECTION);

  await theo.page.reload();
  await expect(theo.page.getByRole("region", { name: "For my next session" })).toContainText(THEOS_REFLECTION);
  await expect(theo.page.locator("main")).not.toContainText(MIRAS_REFLECTION);
  const theosList = await (await theo.page.request.get("/conversation/reflect/next-session.txt")).text();
  expect(theosList).toContain(THEOS_REFLECTION);
  expect(theosList).not.toContain(MIRAS_REFLECTION);
  await expectNoSeriousAccessibilityProblems(theo.page);

  // 7. The conversation is in both histories, with what they agreed and Mira's item; the open topic waits on the plan.
  for (const person of [theo, mira]) {
    await person.page.goto("/conversation/history");
    await expect(person.page.getByRole("heading", { level: 1, name: "Conversations we've had" })).toBeVisible();
    const history = person.page.locator("main");
    await expect(history).toContainText(`We agreed: ${AGREED}`);
    await expect(history).toContainText(SHARED_TITLE);
    await expect(history).not.toContainText(TOPIC);
    await expect(history).not.toContainText(THEOS_REFLECTION);
    await expect(history).not.toContainText(MIRAS_REFLECTION);
    await person.page.goto("/plan");
    await expect(agendaItem(person, TOPIC)).toBeVisible();
    await expect(agendaItem(person, SHARED_TITLE)).toHaveCount(0);
  }
  await expectNoSeriousAccessibilityProblems(mira.page);
  await mira.page.goto("/conversation/history");
  await expectNoSeriousAccessibilityProblems(mira.page);
}
