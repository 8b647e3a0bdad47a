import { describe, expect, it } from "vitest";
import { leaveCouple } from "@/lib/data/couples";
import { saveMyReminderPreferences, unsubscribeFromReminders } from "@/lib/data/reminder-preferences";
import type { SendEmail } from "@/lib/email/mailer";
import { sweepReminders } from "@/lib/reminders/sweep";
import { createCouples, deliveryStatuses, minutesBefore, NEXT_CHECK_IN, TEST_LINKS, type TestCouple } from "../support/reminders";
import { setUpReminderSweepWorld } from "../support/reminder-sweep-world";
import { accessFor } from "../support/users";

/**
 * A change of mind counts until the moment a reminder is sent, not until the moment its batch
 * was claimed: these tests change a recipient's state while an earlier email of the same
 * claimed batch is being sent.
 */
const world = setUpReminderSweepWorld();
const { t } = world;

const DUE = minutesBefore(NEXT_CHECK_IN, 60);
const receivedBy = () => world.smtp.messages.map((message) => (Array.isArray(message.to) ? "" : (message.to?.text ?? ""))).sort();

/**
 * One email at a time, so the batch's order is the order of sending; while the first one is
 * being sent, `changeMinds` runs with its recipient's address, and the send goes on after it.
 */
function sweepChangingMindsDuringFirstSend(changeMinds: (firstRecipient: string) => Promise<void>) {
  let first = true;
  const send: SendEmail = async (email) => {
    if (first) {
      first = false;
      await changeMinds(email.to);
    }
    await world.mailer.send(email);
  };
  return sweepReminders({ now: () => DUE, db: t.db, send, workerId: "worker-1", links: TEST_LINKS, sendConcurrency: 1 });
}

function othersThan(couples: TestCouple[], email: string): TestCouple[] {
  return couples.filter((couple) => !couple.members.some((member) => member.email === email));
}

describe("checked again right before each message", () => {
  it("a claimed reminder is not sent to someone who, while the batch was being sent, turned reminders off, unsubscribed, lost their verified address or whose couple ended", async () => {
    const couples = await createCouples(t.db, 5, { leadMinutes: [60] });
    let firstCouple: TestCouple | undefined;
    let control: TestCouple | undefined;
    let unverified: TestCouple | undefined;
    let claimedWhenMindsChanged: Record<string, number> = {};

    const report = await sweepChangingMindsDuringFirstSend(async (firstRecipient) => {
      // All ten were claimed in one batch before the first email went out.
      claimedWhenMindsChanged = await deliveryStatuses(t.db);
      firstCouple = couples.find((couple) => couple.members.some((member) => member.email === firstRecipient));
      const [changed, ended, addressChanged, untouched] = othersThan(couples, firstRecipient);
      await saveMyReminderPreferences(accessFor(t.db, changed!.members[0]!), { emailEnabled: false, leadMinutes: [] });
      await unsubscribeFromReminders(accessFor(t.db, changed!.members[1]!));
      await leaveCouple(accessFor(t.db, ended!.members[0]!));
      await t.db.user.update({ where: { id: addressChanged!.members[0]!.id }, data: { emailVerifiedAt: null } });
      unverified = addressChanged;
      control = untouched;
    });

    expect(claimedWhenMindsChanged).toEqual({ SENDING: 10 });
    expect(receivedBy()).toEqual(
      [...firstCouple!.members, ...control!.members, unverified!.members[1]!].map((member) => member.email).sort(),
    );
    // Three skipped with their reason kept; the ended couple's two rows left with it.
    expect(report).toMatchObject({ sent: 5, skipped: 5, failed: 0, tooLate: 0 });
    expect(await deliveryStatuses(t.db)).toEqual({ SENT: 5, SKIPPED: 3 });
    const skipped = await t.db.reminderDelivery.findMany({ where: { status: "SKIPPED" }, select: { lastError: true, attempts: true } });
    expect(skipped.map((row) => row.lastError).sort()).toEqual([
      "Reminders were turned off for this time.",
      "Reminders were turned off for this time.",
      "The email address is not verified.",
    ]);
    // Nothing was tried for them: attempts count sends.
    expect(skipped.every((row) => row.attempts === 0)).toBe(true);
  });

  it("a claimed reminder is not sent for a check-in whose schedule changed while the batch was being sent", async () => {
    const couples = await createCouples(t.db, 2, { leadMinutes: [60] });
    let moved: TestCouple | undefined;
    const report = await sweepChangingMindsDuringFirstSend(async (firstRecipient) => {
      [moved] = othersThan(couples, firstRecipient);
      await t.db.checkInSchedule.update({ where: { coupleId: moved!.coupleId }, data: { localTime: "20:00" } });
    });
    expect(report).toMatchObject({ sent: 2, skipped: 2 });
    expect(receivedBy()).not.toContain(moved!.members[0]!.email);
    expect(receivedBy()).not.toContain(moved!.members[1]!.email);
  });

  it("an account deleted while the batch was being sent gets nothing, and the rest still go out", async () => {
    const couples = await createCouples(t.db, 2, { leadMinutes: [60] });
    let gone: TestCouple | undefined;
    const report = await sweepChangingMindsDuringFirstSend(async (firstRecipient) => {
      [gone] = othersThan(couples, firstRecipient);
      await t.db.user.delete({ where: { id: gone!.members[0]!.id } });
    });
    expect(report).toMatchObject({ sent: 3, skipped: 1 });
    expect(receivedBy()).not.toContain(gone!.members[0]!.email);
    expect(receivedBy()).toContain(gone!.members[1]!.email);
  });
});
