import { describe, expect, it } from "vitest";
import { moveOccurrence, restoreOccurrence, skipOccurrence } from "@/lib/data/check-ins";
import { setConversationTime } from "@/lib/data/plan";
import type { SendEmail } from "@/lib/email/mailer";
import { sweepReminders } from "@/lib/reminders/sweep";
import { createCouples, deliveryStatuses, minutesBefore, NEXT_CHECK_IN, TEST_LINKS, type TestCouple } from "../support/reminders";
import { setUpReminderSweepWorld } from "../support/reminder-sweep-world";
import { accessFor } from "../support/users";

/**
 * Reminders follow a skipped or moved occurrence, and a one-off conversation (decision 038), for
 * both partners: planned afresh, and checked again right before each message (decision 028).
 */
const world = setUpReminderSweepWorld();
const { t } = world;

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const DUE = minutesBefore(NEXT_CHECK_IN, 60);
/** A week before the check-in: when a partner changes it. */
const EARLIER = new Date(NEXT_CHECK_IN.getTime() - 5 * 24 * HOUR);

const receivedBy = () => world.smtp.messages.map((message) => (Array.isArray(message.to) ? "" : (message.to?.text ?? ""))).sort();
const emails = (couple: TestCouple) => couple.members.map((member) => member.email).sort();

function sweep(now: Date, send: SendEmail = world.mailer.send) {
  return sweepReminders({ now: () => now, db: t.db, send, workerId: "worker-1", links: TEST_LINKS, sendConcurrency: 1 });
}

/** One email at a time; while the first is being sent, `change` runs with its recipient's address. */
function sweepChangingDuringFirstSend(now: Date, change: (firstRecipient: string) => Promise<void>) {
  let first = true;
  return sweep(now, async (email) => {
    if (first) {
      first = false;
      await change(email.to);
    }
    await world.mailer.send(email);
  });
}

const otherThan = (couples: TestCouple[], email: string) => couples.find((couple) => !couple.members.some((member) => member.email === email))!;
const as = (couple: TestCouple, index = 0) => accessFor(t.db, couple.members[index]!);

describe("a skipped occurrence", () => {
  it("sends no reminder to either partner, and the next week's go out as usual", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    await skipOccurrence(as(couple!, 1), NEXT_CHECK_IN, EARLIER);
    expect(await sweep(DUE)).toMatchObject({ planned: 0, sent: 0 });
    expect((await sweep(new Date(DUE.getTime() + WEEK))).sent).toBe(2);
    expect(receivedBy()).toEqual(emails(couple!));
  });

  it("skipped after its reminders were claimed: they are not sent, with the reason kept; another couple's still go", async () => {
    const couples = await createCouples(t.db, 2, { leadMinutes: [60] });
    let skipped: TestCouple | undefined;
    const report = await sweepChangingDuringFirstSend(DUE, async (firstRecipient) => {
      skipped = otherThan(couples, firstRecipient);
      await skipOccurrence(as(skipped), NEXT_CHECK_IN, DUE);
    });
    expect(report).toMatchObject({ sent: 2, skipped: 2 });
    expect(receivedBy()).toEqual(emails(otherThan(couples, skipped!.members[0]!.email)));
    const rows = await t.db.reminderDelivery.findMany({ where: { coupleId: skipped!.coupleId } });
    expect(rows.map((row) => [row.status, row.lastError, row.attempts])).toEqual([
      ["SKIPPED", "This check-in was skipped.", 0],
      ["SKIPPED", "This check-in was skipped.", 0],
    ]);
  });

  it("put back before its time: its reminders are planned again and sent", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    await skipOccurrence(as(couple!), NEXT_CHECK_IN, EARLIER);
    await restoreOccurrence(as(couple!, 1), NEXT_CHECK_IN, EARLIER);
    expect((await sweep(DUE)).sent).toBe(2);
  });
});

describe("a moved occurrence", () => {
  const movedTo = new Date(NEXT_CHECK_IN.getTime() + 24 * HOUR + 30 * 60_000);

  it("sends both partners' reminders at the new time, not the old, naming the new time", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    await moveOccurrence(as(couple!), NEXT_CHECK_IN, movedTo, EARLIER);
    expect((await sweep(DUE)).sent).toBe(0);
    expect((await sweep(minutesBefore(movedTo, 61))).sent).toBe(0);
    expect((await sweep(minutesBefore(movedTo, 60))).sent).toBe(2);
    expect(receivedBy()).toEqual(emails(couple!));
    for (const message of world.smtp.messages) expect(message.text).toContain("Tuesday 1 December, 19:30, Europe/Berlin");
    expect(await t.db.reminderDelivery.findMany({ select: { occurrenceAt: true } })).toEqual([{ occurrenceAt: movedTo }, { occurrenceAt: movedTo }]);
  });

  it("moved after its reminders were claimed: the old ones are not sent, the new ones are", async () => {
    const couples = await createCouples(t.db, 2, { leadMinutes: [60] });
    let moved: TestCouple | undefined;
    const report = await sweepChangingDuringFirstSend(DUE, async (firstRecipient) => {
      moved = otherThan(couples, firstRecipient);
      await moveOccurrence(as(moved, 1), NEXT_CHECK_IN, movedTo, DUE);
    });
    expect(report).toMatchObject({ sent: 2, skipped: 2 });
    const old = await t.db.reminderDelivery.findMany({ where: { coupleId: moved!.coupleId, occurrenceAt: NEXT_CHECK_IN } });
    expect(old.map((row) => row.lastError)).toEqual(["This check-in was moved to another time.", "This check-in was moved to another time."]);
    world.smtp.messages.length = 0;
    expect((await sweep(minutesBefore(movedTo, 60))).sent).toBe(2);
    expect(receivedBy()).toEqual(emails(moved!));
  });

  it("moved after a first reminder was sent: the reminders for the new time go out as well, once each", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [1440, 60] });
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 1440))).sent).toBe(2);
    const later = new Date(NEXT_CHECK_IN.getTime() + 2 * 24 * HOUR);
    await moveOccurrence(as(couple!), NEXT_CHECK_IN, later, minutesBefore(NEXT_CHECK_IN, 1000));
    expect((await sweep(DUE)).sent).toBe(0);
    expect((await sweep(minutesBefore(later, 1440))).sent).toBe(2);
    expect((await sweep(minutesBefore(later, 60))).sent).toBe(2);
    expect((await sweep(minutesBefore(later, 30))).sent).toBe(0);
    expect(await deliveryStatuses(t.db)).toEqual({ SENT: 6 });
  });

  it("moved sooner than a reminder's lead time: the reminder still due goes out at once, the longer one is superseded", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [1440, 60] });
    const now = minutesBefore(NEXT_CHECK_IN, 3 * 24 * 60);
    const soon = new Date(now.getTime() + 45 * 60_000);
    await moveOccurrence(as(couple!), NEXT_CHECK_IN, soon, now);
    const report = await sweep(now);
    expect(report).toMatchObject({ sent: 2, superseded: 2 });
    for (const message of world.smtp.messages) expect(message.subject).toContain("Friday 27 November, 19:45, Europe/Berlin");
  });
});

describe("each recipient reads the time in their own zone", () => {
  it("the email names the time in the recipient's zone, or the check-in's when theirs is not known, and links to the plan", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    const [berlin, newYork] = couple!.members;
    await t.db.user.update({ where: { id: newYork!.id }, data: { timeZone: "America/New_York" } });
    expect((await sweep(DUE)).sent).toBe(2);
    const to = (email: string) => world.smtp.messages.find((message) => !Array.isArray(message.to) && message.to?.text === email)!;
    expect(to(berlin!.email).subject).toBe("Reminder: check-in on Monday 30 November, 19:00, Europe/Berlin");
    expect(to(newYork!.email).subject).toBe("Reminder: check-in on Monday 30 November, 13:00, America/New York");
    for (const message of world.smtp.messages) {
      expect(message.text).toContain("See your plan for it: http://app.test/plan");
      expect(message.html).toContain('href="http://app.test/plan"');
    }
  });
});

describe("a one-off conversation", () => {
  it("without a schedule, both partners are reminded of it; changed after the claim, the old one is not sent", async () => {
    const couples = await createCouples(t.db, 2, { leadMinutes: [60] });
    await t.db.checkInSchedule.deleteMany();
    const oneOff = new Date("2026-12-02T17:00:00Z");
    for (const couple of couples) await setConversationTime(as(couple), oneOff, EARLIER);
    let changed: TestCouple | undefined;
    const report = await sweepChangingDuringFirstSend(minutesBefore(oneOff, 60), async (firstRecipient) => {
      changed = otherThan(couples, firstRecipient);
      await setConversationTime(as(changed), new Date(oneOff.getTime() + HOUR), minutesBefore(oneOff, 60));
    });
    expect(report).toMatchObject({ sent: 2, skipped: 2 });
    const skipped = await t.db.reminderDelivery.findMany({ where: { status: "SKIPPED" }, select: { lastError: true } });
    expect(skipped).toEqual([{ lastError: "The conversation's time changed." }, { lastError: "The conversation's time changed." }]);
    world.smtp.messages.length = 0;
    expect((await sweep(oneOff)).sent).toBe(2);
    expect(receivedBy()).toEqual(emails(changed!));
    // Named as what it is, a conversation, not a check-in, with its calendar entry.
    for (const message of world.smtp.messages) {
      expect(message.subject).toMatch(/^Reminder: conversation on Wednesday 2 December, /);
      expect(message.text).toContain("A reminder of your conversation together:");
      expect(message.attachments.map((attachment) => attachment.filename)).toEqual(["conversation.ics"]);
      expect(message.attachments[0]!.content.toString()).toContain(`UID:conversation-${changed!.coupleId}@common-ground`);
    }
  });
});
