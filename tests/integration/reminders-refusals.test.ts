/**
 * What a real mail server's answers do to reminders: a retry is the same message (one
 * Message-ID), a refusal for good (5xx) fails at once and tells its recipient, and "try again
 * later" (4xx) is retried with growing waits. Against a real SMTP listener.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import CheckInsPage from "@/app/check-ins/page";
import { getMyReminderSettings } from "@/lib/data/reminder-preferences";
import { createSmtpMailer, type SmtpMailer } from "@/lib/email/mailer";
import { sweepReminders, type SweepOptions } from "@/lib/reminders/sweep";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { createCouples, deliveryStatuses, minutesBefore, NEXT_CHECK_IN, TEST_LINKS, type TestCouple } from "../support/reminders";
import { startSmtpListener, type SmtpListener } from "../support/smtp-listener";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor } from "../support/users";

const env = vi.hoisted(() => ({ NODE_ENV: "test" as const, APP_URL: "http://app.test", REMINDER_DISPATCH: "external" as const }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));

let t: TestDb;
let smtp: SmtpListener;
let mailer: SmtpMailer;
let couple: TestCouple;
let me: TestCouple["members"][number];
let partner: TestCouple["members"][number];

beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  smtp = await startSmtpListener();
  mailer = createSmtpMailer({ url: smtp.url, from: "Common Ground <reminders@app.test>", messageIdDomain: "app.test" });
});
afterAll(async () => {
  mailer.close();
  await smtp.stop();
  await t.close();
});
beforeEach(async () => {
  await t.db.user.deleteMany();
  await t.db.couple.deleteMany();
  smtp.messages.length = 0;
  smtp.raw.length = 0;
  smtp.refused.length = 0;
  smtp.refusal = null;
  signOut();
  [couple] = (await createCouples(t.db, 1, { leadMinutes: [60] })) as [TestCouple];
  [me, partner] = couple.members as [typeof me, typeof partner];
});
afterEach(() => {
  smtp.refusal = null;
});

const DUE = minutesBefore(NEXT_CHECK_IN, 60);
const at = (seconds: number) => new Date(DUE.getTime() + seconds * 1000);

function sweep(now: Date, options: Partial<SweepOptions> = {}) {
  return sweepReminders({ now: () => now, db: t.db, send: mailer.send, workerId: "worker-1", links: TEST_LINKS, ...options });
}

function messageIdIn(raw: string): string | undefined {
  return /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim();
}

async function optOut(member: { id: string }) {
  await t.db.reminderPreference.update({ where: { userId: member.id }, data: { emailEnabled: false } });
}

async function checkInsPageAs(member: TestCouple["members"][number]): Promise<string> {
  await signInAs({ ...member, displayName: "Partner" });
  return renderToStaticMarkup(await CheckInsPage());
}

describe("one Message-ID per reminder", () => {
  it("a retry after the server said 'try again later' carries the same Message-ID, named after the reminder and the app's host", async () => {
    smtp.refusal = { code: 451, message: "4.3.0 Try again later", at: "DATA" };
    expect(await sweep(at(0))).toMatchObject({ retrying: 2, sent: 0 });
    const firstTries = new Map(smtp.refused.map((attempt) => [attempt.to[0], messageIdIn(attempt.raw!)]));

    smtp.refusal = null;
    expect(await sweep(at(61))).toMatchObject({ sent: 2 });
    const rows = await t.db.reminderDelivery.findMany({ select: { id: true, userId: true } });
    for (const member of [me, partner]) {
      const row = rows.find((candidate) => candidate.userId === member.id)!;
      const delivered = smtp.raw.find((raw) => raw.includes(`To: ${member.email}`))!;
      expect(messageIdIn(delivered)).toBe(`<reminder-${row.id}@app.test>`);
      expect(firstTries.get(member.email)).toBe(messageIdIn(delivered));
    }
    // Two reminders, two Message-IDs.
    expect(new Set(smtp.raw.map(messageIdIn)).size).toBe(2);
  });
});

describe("refusals for good and for now", () => {
  it("a 550 refusal fails at once, is never tried again, and tells its recipient (only them) on /check-ins", async () => {
    await optOut(partner);
    smtp.refusal = { code: 550, message: "5.1.1 No such mailbox", at: "RCPT" };
    expect(await sweep(at(0))).toMatchObject({ failed: 1, retrying: 0, sent: 0 });
    const [row] = await t.db.reminderDelivery.findMany();
    expect(row).toMatchObject({ status: "FAILED", failure: "REFUSED", attempts: 1 });
    expect(row?.lastError).toMatch(/550/);

    // Not retried, even once the server would take it.
    smtp.refusal = null;
    for (const seconds of [61, 181, 31 * 60]) expect(await sweep(at(seconds))).toMatchObject({ sent: 0, retrying: 0 });
    expect(smtp.refused).toEqual([{ to: [me.email], raw: null }]);
    expect(smtp.raw).toHaveLength(0);

    expect((await getMyReminderSettings(accessFor(t.db, me))).lastFailure).toEqual({ occurrenceAt: NEXT_CHECK_IN, leadMinutes: 60, reason: "REFUSED" });
    expect(await checkInsPageAs(me)).toContain("was refused by the mail server it was sent to, so it was not tried again.");
    expect(await getMyReminderSettings(accessFor(t.db, partner))).toMatchObject({ lastFailure: null, retrying: null });
    expect(await checkInsPageAs(partner)).not.toContain("refused");
  });

  it("a 550 after the whole message was sent fails at once too", async () => {
    await optOut(partner);
    smtp.refusal = { code: 554, message: "5.7.1 Message rejected", at: "DATA" };
    expect(await sweep(at(0))).toMatchObject({ failed: 1, retrying: 0 });
    expect(await t.db.reminderDelivery.findFirst()).toMatchObject({ status: "FAILED", failure: "REFUSED", attempts: 1 });
  });

  it("a 451 'try again later' keeps being retried with growing waits, and is given up only after the last attempt", async () => {
    await optOut(partner);
    smtp.refusal = { code: 451, message: "4.7.1 Greylisted, try again later", at: "RCPT" };
    const options = { maxAttempts: 3 };
    expect(await sweep(at(0), options)).toMatchObject({ retrying: 1, failed: 0 });
    expect(await t.db.reminderDelivery.findFirst()).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: at(60) });
    expect((await getMyReminderSettings(accessFor(t.db, me))).retrying).toEqual({ occurrenceAt: NEXT_CHECK_IN, nextAttemptAt: at(60) });
    expect(await checkInsPageAs(me)).toContain("It will be tried again at");

    expect(await sweep(at(30), options)).toMatchObject({ retrying: 0, failed: 0 }); // still waiting
    expect(await sweep(at(60), options)).toMatchObject({ retrying: 1 });
    expect(await t.db.reminderDelivery.findFirst()).toMatchObject({ status: "PENDING", attempts: 2, nextAttemptAt: at(180) });
    expect(await sweep(at(179), options)).toMatchObject({ retrying: 0, failed: 0 });
    expect(await sweep(at(180), options)).toMatchObject({ failed: 1 });
    expect(smtp.refused).toHaveLength(3);
    expect(await t.db.reminderDelivery.findFirst()).toMatchObject({ status: "FAILED", failure: "GAVE_UP", attempts: 3 });
    expect(await checkInsPageAs(me)).toContain("could not be sent, even after several tries.");
  });

  it("a 451 that clears is delivered on the retry, and no failure is shown", async () => {
    await optOut(partner);
    smtp.refusal = { code: 451, message: "4.3.0 Try again later", at: "RCPT" };
    await sweep(at(0));
    smtp.refusal = null;
    expect(await sweep(at(60))).toMatchObject({ sent: 1 });
    expect(await deliveryStatuses(t.db)).toEqual({ SENT: 1 });
    expect(await getMyReminderSettings(accessFor(t.db, me))).toMatchObject({ lastFailure: null, retrying: null });
  });
});

describe("too late to be useful", () => {
  it("a reminder whose check-in began before it could be sent is shown to its recipient like a failure", async () => {
    await optOut(partner);
    expect(await sweep(minutesBefore(NEXT_CHECK_IN, 90))).toMatchObject({ planned: 1, sent: 0 });
    expect(await sweep(new Date(NEXT_CHECK_IN.getTime() + 60_000))).toMatchObject({ tooLate: 1, sent: 0 });
    expect(await t.db.reminderDelivery.findFirst()).toMatchObject({ status: "FAILED", failure: "TOO_LATE", attempts: 0 });
    expect(await checkInsPageAs(me)).toContain("was not sent: the check-in had begun before it could go out.");
    expect(await checkInsPageAs(partner)).not.toContain("was not sent");
  });
});
