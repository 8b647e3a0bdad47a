/**
 * Check-ins and reminders from every entry point (issue 4): the server actions, the .ics
 * route, the cron endpoint, the unsubscribe page and endpoint, and the development outbox,
 * each as a partner, a stranger (not in the couple) and a signed-out visitor.
 */
import { DateTime } from "luxon";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cronPost } from "@/app/api/cron/reminders/route";
import { POST as unsubscribePost } from "@/app/api/reminders/unsubscribe/[token]/route";
import { saveReminderPreferencesAction, saveScheduleAction } from "@/app/check-ins/actions";
import { GET as calendarGet } from "@/app/check-ins/check-in.ics/route";
import OutboxPage from "@/app/outbox/page";
import UnsubscribePage from "@/app/unsubscribe/[token]/page";
import { IDLE } from "@/lib/actions/form-state";
import { getMyCheckIn } from "@/lib/data/check-ins";
import { listOutbox } from "@/lib/data/outbox";
import { getMyReminderSettings } from "@/lib/data/reminder-preferences";
import { unsubscribeToken } from "@/lib/reminders/unsubscribe-link";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { parseSingleEvent } from "../support/calendar";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

const env = vi.hoisted(() => ({
  NODE_ENV: "test" as const,
  NEXTAUTH_SECRET: "edge-test-secret-0123456789abcdef0123456789",
  APP_URL: "http://app.test",
  REMINDER_DISPATCH: "external" as const,
  SMTP_URL: undefined as string | undefined,
  CRON_SECRET: undefined as string | undefined,
}));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/email/outbox-key", () => import("../support/fake-outbox-key"));

let t: TestDb;
let me: TestUser;
let partner: TestUser;
let stranger: TestUser;
let coupleId: string;

beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  me = await createUser(t.db, "Me");
  partner = await createUser(t.db, "Partner");
  stranger = await createUser(t.db, "Stranger");
  const couple = await t.db.couple.create({ data: { members: { create: [{ userId: me.id }, { userId: partner.id }] } } });
  coupleId = couple.id;
});
afterAll(() => t.close());
beforeEach(() => {
  env.SMTP_URL = undefined;
  env.CRON_SECRET = undefined;
  signOut();
});

const schedule = { cadence: "FORTNIGHTLY", weekday: "3", localTime: "18:30", timeZone: "America/New_York" };

async function saveSchedule(fields: Record<string, string>) {
  return saveScheduleAction(IDLE, formData(fields));
}

describe("the shared schedule", () => {
  it("either partner sets it, and the other sees the same schedule", async () => {
    await signInAs(me);
    expect(await saveSchedule(schedule)).toMatchObject({ status: "ok" });
    expect((await getMyCheckIn(accessFor(t.db, partner)))?.schedule).toMatchObject({
      cadence: "FORTNIGHTLY",
      weekday: 3,
      localTime: "18:30",
      timeZone: "America/New_York",
    });
    await signInAs(partner);
    expect(await saveSchedule({ ...schedule, localTime: "20:00" })).toMatchObject({ status: "ok" });
    expect((await getMyCheckIn(accessFor(t.db, me)))?.schedule?.localTime).toBe("20:00");
    await saveSchedule(schedule);
  });

  it("bad input gets a clear message per field and changes nothing", async () => {
    await signInAs(me);
    const before = await t.db.checkInSchedule.findUnique({ where: { coupleId } });
    const result = await saveSchedule({ cadence: "DAILY", weekday: "9", localTime: "25:61", timeZone: "Mars/Olympus_Mons" });
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["cadence", "localTime", "timeZone", "weekday"]);
    expect(result.fieldErrors.timeZone).toEqual(["Choose a time zone from the list."]);
    expect(await t.db.checkInSchedule.findUnique({ where: { coupleId } })).toEqual(before);
  });

  it("a stranger cannot set one, and learns nothing about the couple's", async () => {
    await signInAs(stranger);
    const result = await saveSchedule(schedule);
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("not linked") });
    expect(await getMyCheckIn(accessFor(t.db, stranger))).toBeNull();
    expect(await t.db.checkInSchedule.count()).toBe(1);
  });

  it("a signed-out visitor is sent to sign in, and nothing changes", async () => {
    const before = await t.db.checkInSchedule.findMany();
    expect(await outcomeOf(() => saveSchedule({ ...schedule, localTime: "07:00" }))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await outcomeOf(() => saveReminderPreferencesAction(IDLE, formData({ emailEnabled: "on", leadDay: "on" })))).toEqual({
      kind: "redirect",
      url: "/sign-in",
    });
    expect(await t.db.checkInSchedule.findMany()).toEqual(before);
    expect(await t.db.reminderPreference.count()).toBe(0);
  });
});

describe("my own reminder settings", () => {
  it("are off until I opt in, and my choice is mine alone", async () => {
    expect(await getMyReminderSettings(accessFor(t.db, me))).toMatchObject({ emailEnabled: false, leadMinutes: [] });
    await signInAs(me);
    const saved = await saveReminderPreferencesAction(IDLE, formData({ emailEnabled: "on", leadDay: "on", leadQuarter: "on" }));
    expect(saved).toMatchObject({ status: "ok" });
    expect(await getMyReminderSettings(accessFor(t.db, me))).toMatchObject({ emailEnabled: true, leadMinutes: [1440, 15] });
    expect(await getMyReminderSettings(accessFor(t.db, partner))).toMatchObject({ emailEnabled: false, leadMinutes: [] });
  });

  it("turning them on with no time chosen is refused with a message, and changes nothing", async () => {
    await signInAs(partner);
    const result = await saveReminderPreferencesAction(IDLE, formData({ emailEnabled: "on" }));
    expect(result).toMatchObject({ status: "error", fieldErrors: { leadMinutes: [expect.stringContaining("at least one time")] } });
    expect(await t.db.reminderPreference.findUnique({ where: { userId: partner.id } })).toBeNull();
  });

  it("a partner never sees my failed reminders", async () => {
    await t.db.reminderDelivery.create({
      data: {
        userId: me.id,
        coupleId,
        occurrenceAt: new Date("2026-01-07T23:30:00Z"),
        leadMinutes: 15,
        dueAt: new Date("2026-01-07T23:15:00Z"),
        nextAttemptAt: new Date("2026-01-07T23:15:00Z"),
        status: "FAILED",
        attempts: 6,
        lastError: "connect ECONNREFUSED",
      },
    });
    expect((await getMyReminderSettings(accessFor(t.db, me))).lastFailure).not.toBeNull();
    expect(await getMyReminderSettings(accessFor(t.db, partner))).toMatchObject({ lastFailure: null, retrying: null });
    expect(await getMyReminderSettings(accessFor(t.db, stranger))).toMatchObject({ lastFailure: null, retrying: null });
    await t.db.reminderDelivery.deleteMany();
  });
});

describe("the calendar file", () => {
  it("gives a member the recurring check-in in its own time zone", async () => {
    await signInAs(partner);
    const response = await calendarGet(new Request("http://app.test/check-ins/check-in.ics"), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const event = parseSingleEvent(await response.text());
    expect(event).toMatchObject({
      summary: "Check-in together",
      url: "http://app.test/check-ins",
      timeZone: "America/New_York",
      localStart: expect.stringMatching(/T18:30:00$/),
      recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    });
    // Every other Wednesday at 18:30 New York time, whatever the season's offset.
    const occurrences = event.occurrences(30);
    expect(occurrences).toHaveLength(30);
    for (const [index, at] of occurrences.entries()) {
      const local = DateTime.fromJSDate(at, { zone: "America/New_York" });
      expect([local.weekday, local.toFormat("HH:mm")]).toEqual([3, "18:30"]);
      if (index > 0) expect(local.diff(DateTime.fromJSDate(occurrences[index - 1]!, { zone: "America/New_York" }), "days").days).toBe(14);
    }
  });

  it("is not found for a stranger, and refused to a signed-out visitor", async () => {
    await signInAs(stranger);
    expect((await calendarGet(new Request("http://app.test/check-ins/check-in.ics"), {})).status).toBe(404);
    signOut();
    expect((await calendarGet(new Request("http://app.test/check-ins/check-in.ics"), {})).status).toBe(401);
  });
});

describe("unsubscribe links", () => {
  const oneClick = () =>
    new Request("http://app.test/api/reminders/unsubscribe/x", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
  const context = (token: string) => ({ params: Promise.resolve({ token }) });

  beforeEach(async () => {
    await t.db.reminderPreference.upsert({
      where: { userId: me.id },
      create: { userId: me.id, emailEnabled: true, leadMinutes: [60] },
      update: { emailEnabled: true, leadMinutes: [60], unsubscribedAt: null },
    });
  });

  it("one click unsubscribes the link's owner without signing in", async () => {
    const response = await unsubscribePost(oneClick(), context(unsubscribeToken(me.id, env.NEXTAUTH_SECRET)));
    expect(response.status).toBe(200);
    expect(await getMyReminderSettings(accessFor(t.db, me))).toMatchObject({ emailEnabled: false, unsubscribedAt: expect.any(Date) });
  });

  it("the confirmation page asks first, and its form unsubscribes and comes back to say so", async () => {
    const token = unsubscribeToken(me.id, env.NEXTAUTH_SECRET);
    await UnsubscribePage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) });
    expect((await getMyReminderSettings(accessFor(t.db, me))).emailEnabled).toBe(true);
    const response = await unsubscribePost(new Request("http://app.test/x", { method: "POST" }), context(token));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://app.test/unsubscribe/${encodeURIComponent(token)}?done=1`);
    expect((await getMyReminderSettings(accessFor(t.db, me))).emailEnabled).toBe(false);
  });

  it("a link with a bad signature, or one signed for someone else, changes nothing", async () => {
    const mine = unsubscribeToken(me.id, env.NEXTAUTH_SECRET);
    const forged = [
      `${me.id}.not-the-signature`,
      unsubscribeToken(me.id, "some-other-secret-0123456789abcdef0123"),
      `${partner.id}.${mine.split(".")[1]}`,
      "nonsense",
    ];
    for (const token of forged) {
      expect((await unsubscribePost(oneClick(), context(token))).status).toBe(404);
      expect(await outcomeOf(() => UnsubscribePage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) }))).toEqual({
        kind: "not-found",
      });
    }
    expect(await getMyReminderSettings(accessFor(t.db, me))).toMatchObject({ emailEnabled: true, unsubscribedAt: null });
  });
});

describe("the cron endpoint", () => {
  const call = (authorization?: string) =>
    cronPost(new Request("http://app.test/api/cron/reminders", { method: "POST", headers: authorization ? { authorization } : {} }));

  it("does not exist while CRON_SECRET is unset", async () => {
    expect((await call("Bearer anything")).status).toBe(404);
  });

  it("refuses a missing or wrong secret and sweeps nothing", async () => {
    env.CRON_SECRET = "cron-secret-0123456789abcdef0123456789";
    for (const header of [undefined, "Bearer wrong", `Basic ${env.CRON_SECRET}`, `Bearer ${env.CRON_SECRET}x`]) {
      expect((await call(header)).status).toBe(401);
    }
    expect(await t.db.reminderDelivery.count()).toBe(0);
  });

  it("with the right secret runs a sweep: a reminder due now lands in the development outbox, for its recipient", async () => {
    env.CRON_SECRET = "cron-secret-0123456789abcdef0123456789";
    // The route uses the real clock: put the check-in ten minutes from now, with a reminder 15 minutes before.
    const soon = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
    await t.db.checkInSchedule.update({
      where: { coupleId },
      data: {
        cadence: "WEEKLY",
        weekday: ((soon.getUTCDay() + 6) % 7) + 1,
        localTime: soon.toISOString().slice(11, 16),
        timeZone: "UTC",
        startsOn: new Date(`${soon.toISOString().slice(0, 10)}T00:00:00.000Z`),
      },
    });
    await t.db.reminderPreference.update({ where: { userId: me.id }, data: { emailEnabled: true, leadMinutes: [15] } });
    await t.db.outboxMessage.deleteMany();
    const response = await call(`Bearer ${env.CRON_SECRET}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ planned: 1, sent: 1 });
    const outbox = await t.db.outboxMessage.findMany();
    expect(outbox.map((message) => message.to)).toEqual([me.email]);
    expect(outbox[0]?.subject).toMatch(/^Reminder: check-in on /);
    expect(outbox[0]?.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Attachments": "check-in.ics" });
  });
});

describe("the development outbox", () => {
  beforeEach(async () => {
    await t.db.outboxMessage.deleteMany();
    await t.db.outboxMessage.createMany({
      data: [
        { to: me.email, subject: "For me", text: "t", html: "<p>h</p>", headers: {} },
        { to: partner.email, subject: "For my partner", text: "t", html: "<p>h</p>", headers: {} },
      ],
    });
  });

  it("shows each person only the emails addressed to them", async () => {
    const subjectsFor = async (user: TestUser) =>
      (await listOutbox({ db: t.db, userId: user.id, keyHash: null })).map((message) => message.subject);
    expect(await subjectsFor(me)).toEqual(["For me"]);
    expect(await subjectsFor(partner)).toEqual(["For my partner"]);
    expect(await subjectsFor(stranger)).toEqual([]);
  });

  it("shows a signed-out visitor nothing, and does not exist once SMTP_URL is set", async () => {
    expect(renderToStaticMarkup(await OutboxPage())).toContain("No emails for you yet.");
    env.SMTP_URL = "smtp://127.0.0.1:2525";
    await signInAs(me);
    expect(await outcomeOf(() => OutboxPage())).toEqual({ kind: "not-found" });
  });
});
