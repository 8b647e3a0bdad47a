import { describe, expect, it } from "vitest";
import { getMyReminderSettings } from "@/lib/data/reminder-preferences";
import { createSmtpMailer, type SendEmail } from "@/lib/email/mailer";
import { CLAIM_LEASE_MS } from "@/lib/reminders/policy";
import { sweepReminders, type SweepOptions } from "@/lib/reminders/sweep";
import { killableDb } from "../support/killable-db";
import { createCouples, deliveryStatuses, minutesBefore, NEXT_CHECK_IN, TEST_LINKS } from "../support/reminders";
import { parseSingleEvent } from "../support/calendar";
import { raceTest } from "../support/races";
import { startSmtpListener } from "../support/smtp-listener";
import { setUpReminderSweepWorld } from "../support/reminder-sweep-world";

const world = setUpReminderSweepWorld();
const { t } = world;

function sweep(now: Date, options: Partial<SweepOptions> = {}) {
  return sweepReminders({ now: () => now, db: t.db, send: world.mailer.send, workerId: "worker-1", links: TEST_LINKS, ...options });
}

const recipients = () => world.smtp.messages.map((message) => (Array.isArray(message.to) ? "" : (message.to?.text ?? "")));

const statuses = () => deliveryStatuses(t.db);

describe("planning and sending", () => {
  it("each opted-in partner gets one email per chosen lead time, and sweeping again sends nothing more", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [1440, 60] });
    const dayBefore = minutesBefore(NEXT_CHECK_IN, 1440);
    expect((await sweep(dayBefore)).sent).toBe(2);
    expect((await sweep(dayBefore)).sent).toBe(0);
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 60))).sent).toBe(2);
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 59))).sent).toBe(0);
    expect(recipients().sort()).toEqual([...couple!.members.map((m) => m.email), ...couple!.members.map((m) => m.email)].sort());
    expect(await statuses()).toEqual({ SENT: 4 });
  });

  it("nothing is sent before a reminder is due, or to someone who never opted in", async () => {
    await createCouples(t.db, 1, { leadMinutes: [60] });
    await createCouples(t.db, 1, { leadMinutes: [60], optedIn: false });
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 61))).sent).toBe(0);
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 60))).sent).toBe(2);
    expect(world.smtp.messages).toHaveLength(2);
    expect(await t.db.reminderDelivery.count()).toBe(2);
  });

  it("the email says when, links to the plan, offers one-click unsubscribe, and attaches the check-in in its time zone", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    await sweep(minutesBefore(NEXT_CHECK_IN, 60));
    expect(world.smtp.messages).toHaveLength(2);
    const [first, second] = world.smtp.messages;
    for (const message of [first!, second!]) {
      expect(message.subject).toBe("Reminder: check-in on Monday 30 November, 19:00, Europe/Berlin");
      expect(message.text).toContain("Monday 30 November, 19:00, Europe/Berlin");
      expect(message.text).toContain("http://app.test/plan");
      expect(message.html).toContain('href="http://app.test/plan"');
      expect(message.text).toMatch(/Stop these reminders: http:\/\/app\.test\/unsubscribe\/[0-9a-f-]{36}\.[\w-]+/);
      const attachment = message.attachments.find((file) => file.filename === "check-in.ics");
      expect(attachment?.contentType).toBe("text/calendar");
      const event = parseSingleEvent(attachment!.content.toString("utf8"));
      expect(event).toMatchObject({
        summary: "Check-in together",
        url: "http://app.test/plan",
        timeZone: "Europe/Berlin",
        localStart: "2026-11-30T19:00:00",
        durationMinutes: 60,
        recurrence: null,
      });
      expect(event.occurrences(2)).toEqual([NEXT_CHECK_IN]);
    }
    // Each raw message carries its recipient's own one-click link in the headers.
    for (const member of couple!.members) {
      const unfolded = world.smtp.raw.map((raw) => raw.replace(/\r\n(?=[ \t])/g, ""));
      const source = unfolded.find((raw) => raw.includes(`To: ${member.email}`))!;
      expect(source).toMatch(new RegExp(`List-Unsubscribe: <http://app\\.test/api/reminders/unsubscribe/${member.id}\\.[\\w-]+>`));
      expect(source).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }
    // Partners in one zone read the same words; only their own unsubscribe link differs.
    const withoutLinks = (text: string) => text.replace(/unsubscribe\/[^\s"<>]+/g, "unsubscribe/LINK");
    expect(withoutLinks(first!.text!)).toBe(withoutLinks(second!.text!));
    expect(withoutLinks(String(first!.html))).toBe(withoutLinks(String(second!.html)));
  });
});

describe("delivery that cannot double or drop", () => {
  // 100 reminders in batches of 10: ten claims per sweep, as many as 1,000 in batches of 50 gave.
  raceTest("two sweeps at once over 100 due reminders send exactly 100 emails", async () => {
    const quiet = await startSmtpListener({ parse: false });
    const quietMailer = createSmtpMailer({ url: quiet.url, from: "reminders@app.test", messageIdDomain: "app.test" });
    try {
      const couples = await createCouples(t.db, 50, { leadMinutes: [60] });
      const now = minutesBefore(NEXT_CHECK_IN, 30);
      const run = (workerId: string) => sweep(now, { workerId, send: quietMailer.send, batchSize: 10 });
      const [a, b] = await Promise.all([run("worker-a"), run("worker-b")]);
      expect(a.sent + b.sent).toBe(100);
      expect(quiet.raw).toHaveLength(100);
      const sentTo = quiet.raw.map((raw) => /^To: (.+)$/m.exec(raw)?.[1]?.trim());
      expect(new Set(sentTo).size).toBe(100);
      expect(new Set(sentTo)).toEqual(new Set(couples.flatMap((couple) => couple.members.map((m) => m.email))));
      expect(await statuses()).toEqual({ SENT: 100 });
    } finally {
      quietMailer.close();
      await quiet.stop();
    }
  });

  it("a mail server that is down and then back loses no reminder: failed sends wait, retry, and all arrive once", async () => {
    await createCouples(t.db, 10, { leadMinutes: [60] });
    const due = minutesBefore(NEXT_CHECK_IN, 60);
    await world.smtp.stop();
    const down = await sweep(due);
    expect(down).toMatchObject({ sent: 0, retrying: 20 });
    const waiting = await t.db.reminderDelivery.findMany();
    expect(waiting.every((row) => row.status === "PENDING" && row.attempts === 1 && row.lastError)).toBe(true);

    await world.smtp.start();
    expect((await sweep(new Date(due.getTime() + 30_000))).sent).toBe(0); // still backing off
    expect((await sweep(new Date(due.getTime() + 61_000))).sent).toBe(20);
    expect(world.smtp.messages).toHaveLength(20);
    expect(new Set(recipients()).size).toBe(20);
    expect(await statuses()).toEqual({ SENT: 20 });
  });

  it("a sweep killed mid-batch is taken over one lease (30 s) later, and nobody gets a reminder twice", async () => {
    await createCouples(t.db, 10, { leadMinutes: [60] });
    const now = minutesBefore(NEXT_CHECK_IN, 45);
    const doomed = killableDb(t.db);
    let started = 0;
    const diesAfterSeven: SendEmail = async (email) => {
      started += 1;
      if (started > 7) return new Promise<void>(() => {}); // the process is gone: this send never completes
      await world.mailer.send(email);
    };
    void sweep(now, { db: doomed.db, workerId: "doomed", send: diesAfterSeven, sendConcurrency: 4 });
    // Seven sent, then each of its four lanes is stuck on a send that never ends; then it is killed.
    await expect.poll(() => started, { timeout: 10_000 }).toBe(11);
    doomed.kill();
    expect(world.smtp.messages).toHaveLength(7);

    // While the dead sweep's claims run, another sweep leaves them alone.
    expect(CLAIM_LEASE_MS).toBe(30_000);
    expect((await sweep(new Date(now.getTime() + CLAIM_LEASE_MS - 1_000), { workerId: "rescuer" })).sent).toBe(0);
    const rescue = await sweep(new Date(now.getTime() + CLAIM_LEASE_MS), { workerId: "rescuer" });
    expect(rescue.sent).toBe(13);
    expect(world.smtp.messages).toHaveLength(20);
    expect(new Set(recipients()).size).toBe(20);
    expect(await statuses()).toEqual({ SENT: 20 });
  });

  it("a live sweep slower than its lease keeps its claims by renewing them: a second sweep running meanwhile sends none of them", { timeout: 60_000 }, async () => {
    await createCouples(t.db, 2, { leadMinutes: [60] });
    // Both sweeps read one clock that runs in real time from the moment the reminders are due.
    const startedAt = performance.now();
    const clock = () => new Date(minutesBefore(NEXT_CHECK_IN, 60).getTime() + (performance.now() - startedAt));
    const leaseMs = 4_000;
    const slowSend: SendEmail = async (email) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await world.mailer.send(email);
    };
    const slow = sweep(clock(), { now: clock, workerId: "slow", send: slowSend, sendConcurrency: 1, leaseMs });
    let slowDone = false;
    void slow.finally(() => (slowDone = true));
    // The rescuer starts once the slow sweep holds every claim.
    await expect.poll(() => t.db.reminderDelivery.count({ where: { status: "SENDING", claimedBy: "slow" } }), { timeout: 20_000 }).toBe(4);
    let rescuerSent = 0;
    while (!slowDone) {
      rescuerSent += (await sweep(clock(), { now: clock, workerId: "rescuer", leaseMs })).sent;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Four sends of a second and a half each, one after another: without renewals, the last
    // ones' claims would have run out before they were sent.
    expect(performance.now() - startedAt).toBeGreaterThan(leaseMs);
    expect(await slow).toMatchObject({ sent: 4, deferred: 0 });
    expect(rescuerSent).toBe(0);
    expect(world.smtp.messages).toHaveLength(4);
    expect(new Set(recipients()).size).toBe(4);
    expect(await statuses()).toEqual({ SENT: 4 });
  });

  it("a worker that falls behind gives rows back untried rather than send after its lease could run out", async () => {
    await createCouples(t.db, 2, { leadMinutes: [60] });
    const claimedAt = minutesBefore(NEXT_CHECK_IN, 55);
    let calls = 0;
    // Planning, skipping and claiming see claimedAt; by the time it would send, four minutes have gone by.
    const slowClock = () => (++calls <= 3 ? claimedAt : new Date(claimedAt.getTime() + 4 * 60_000));
    expect(await sweep(claimedAt, { now: slowClock })).toMatchObject({ sent: 0, deferred: 4 });
    const rows = await t.db.reminderDelivery.findMany();
    expect(rows.map((row) => [row.status, row.attempts, row.claimedBy])).toEqual(Array(4).fill(["PENDING", 0, null]));
    expect(world.smtp.messages).toHaveLength(0);
    expect((await sweep(new Date(claimedAt.getTime() + 5 * 60_000))).sent).toBe(4);
  });

  it("after downtime, reminders for check-ins that already began are not sent late, and each recipient is told", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    expect(await sweep(minutesBefore(NEXT_CHECK_IN, 110))).toMatchObject({ planned: 2, sent: 0 });
    const afterDowntime = await sweep(new Date(NEXT_CHECK_IN.getTime() + 2 * 60 * 60_000));
    expect(afterDowntime).toMatchObject({ sent: 0, tooLate: 2 });
    expect(world.smtp.messages).toHaveLength(0);
    expect(await statuses()).toEqual({ FAILED: 2 });
    for (const member of couple!.members) {
      expect((await getMyReminderSettings({ db: t.db, userId: member.id })).lastFailure).toEqual({ occurrenceAt: NEXT_CHECK_IN, leadMinutes: 60, reason: "TOO_LATE" });
    }
  });

  it("after downtime, a day-before reminder overtaken by the hour-before one is skipped: one email, not a burst", async () => {
    await createCouples(t.db, 1, { leadMinutes: [1440, 60] });
    expect(await sweep(minutesBefore(NEXT_CHECK_IN, 1500))).toMatchObject({ planned: 2, sent: 0 });
    const afterDowntime = await sweep(minutesBefore(NEXT_CHECK_IN, 50));
    expect(afterDowntime).toMatchObject({ sent: 2, superseded: 2 });
    expect(world.smtp.messages).toHaveLength(2);
    const rows = await t.db.reminderDelivery.findMany({ select: { leadMinutes: true, status: true } });
    expect(rows.filter((row) => row.leadMinutes === 1440).map((row) => row.status)).toEqual(["SKIPPED", "SKIPPED"]);
    expect(rows.filter((row) => row.leadMinutes === 60).map((row) => row.status)).toEqual(["SENT", "SENT"]);
  });

  it("a send that keeps failing is retried with growing waits, then marked failed, visible to its recipient only", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    const [me, partner] = couple!.members;
    await t.db.reminderPreference.update({ where: { userId: partner!.id }, data: { emailEnabled: false } });
    await world.smtp.stop();
    const due = minutesBefore(NEXT_CHECK_IN, 60);
    const at = (minutes: number) => new Date(due.getTime() + minutes * 60_000);
    expect(await sweep(at(0), { maxAttempts: 3 })).toMatchObject({ retrying: 1 });
    expect(await sweep(at(0.5), { maxAttempts: 3 })).toMatchObject({ retrying: 0, failed: 0 });
    expect(await sweep(at(1), { maxAttempts: 3 })).toMatchObject({ retrying: 1 });
    expect((await getMyReminderSettings({ db: t.db, userId: me!.id })).retrying).not.toBeNull();
    expect(await sweep(at(2.5), { maxAttempts: 3 })).toMatchObject({ retrying: 0, failed: 0 });
    expect(await sweep(at(3), { maxAttempts: 3 })).toMatchObject({ failed: 1 });
    const row = await t.db.reminderDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);

    const mine = await getMyReminderSettings({ db: t.db, userId: me!.id });
    expect(mine.lastFailure).toEqual({ occurrenceAt: NEXT_CHECK_IN, leadMinutes: 60, reason: "GAVE_UP" });
    expect(mine.retrying).toBeNull();
    const theirs = await getMyReminderSettings({ db: t.db, userId: partner!.id });
    expect(theirs).toMatchObject({ lastFailure: null, retrying: null });
  });
});

describe("checked again at send time", () => {
  it("nobody who opted out, unsubscribed, left the couple or whose couple ended gets the planned reminder", async () => {
    const [optedOut, left, ended, control] = await createCouples(t.db, 4, { leadMinutes: [60] });
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 100))).planned).toBe(8);

    await t.db.reminderPreference.update({ where: { userId: optedOut!.members[0]!.id }, data: { emailEnabled: false } });
    await t.db.reminderPreference.update({ where: { userId: optedOut!.members[1]!.id }, data: { unsubscribedAt: new Date() } });
    await t.db.coupleMember.delete({ where: { userId: left!.members[0]!.id } });
    await t.db.coupleMember.delete({ where: { userId: left!.members[1]!.id } });
    await t.db.couple.update({ where: { id: ended!.coupleId }, data: { endedAt: new Date() } });

    const report = await sweep(minutesBefore(NEXT_CHECK_IN, 60));
    expect(report).toMatchObject({ sent: 2, skipped: 6 });
    expect(recipients().sort()).toEqual(control!.members.map((m) => m.email).sort());
  });

  it("a reminder planned for the old time is skipped when the schedule changes, and the new time is reminded instead", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    expect((await sweep(minutesBefore(NEXT_CHECK_IN, 100))).planned).toBe(2);
    await t.db.checkInSchedule.update({ where: { coupleId: couple!.coupleId }, data: { localTime: "19:30" } });
    expect(await sweep(minutesBefore(NEXT_CHECK_IN, 60))).toMatchObject({ sent: 0, skipped: 2 });
    expect(await sweep(minutesBefore(NEXT_CHECK_IN, 30))).toMatchObject({ sent: 2 });
    expect(world.smtp.messages.map((message) => message.subject)).toEqual([
      "Reminder: check-in on Monday 30 November, 19:30, Europe/Berlin",
      "Reminder: check-in on Monday 30 November, 19:30, Europe/Berlin",
    ]);
  });
});
