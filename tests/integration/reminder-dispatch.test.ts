/**
 * The in-app reminder dispatcher, as the server starts it (instrumentation.ts with
 * REMINDER_DISPATCH=app): it sweeps on its own beat with the app's clock, database and mailer,
 * sends each due reminder once however many beats pass, delivers queued mail on the same beat,
 * and sends nothing once stopped. The worker process is tested in reminders-worker.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueueEmail } from "@/lib/email/queue";
import { startReminderDispatcher, type ReminderDispatcher } from "@/lib/reminders/dispatcher";
import { useTestDb } from "../support/browser";
import { checkInTenMinutesFromNow, createCouples } from "../support/reminders";
import { startSmtpListener, type SmtpListener } from "../support/smtp-listener";
import { createTestDb, type TestDb } from "../support/test-db";

const env = vi.hoisted(() => ({
  NODE_ENV: "test" as const,
  NEXTAUTH_SECRET: "dispatch-test-secret-0123456789abcdef0123456789",
  APP_URL: "http://app.test",
  REMINDER_DISPATCH: "app" as "app" | "external",
  SMTP_URL: undefined as string | undefined,
  MAIL_FROM: "Common Ground <reminders@app.test>",
}));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/db/client", () => import("../support/browser"));

const BEAT_MS = 100;

let t: TestDb;
let smtp: SmtpListener;
let dispatcher: ReminderDispatcher | null = null;

beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  smtp = await startSmtpListener();
  env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp.stop();
  await t.close();
});
beforeEach(async () => {
  await t.db.user.deleteMany();
  await t.db.couple.deleteMany();
  smtp.messages.length = 0;
});
afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = null;
});

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the dispatcher the server starts", () => {
  it("sends each partner's due reminder once, however many beats pass", async () => {
    const [couple] = await createCouples(t.db, 1, checkInTenMinutesFromNow());
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 0 });
    await until(() => smtp.messages.length >= 2, "both partners have their reminder");
    // Several more beats: each sweeps again, and finds nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 5));
    await dispatcher.stop();
    expect(smtp.messages.map((message) => (Array.isArray(message.to) ? "" : message.to?.text)).sort()).toEqual(couple!.members.map((m) => m.email).sort());
    expect(smtp.messages.every((message) => message.subject?.startsWith("Reminder: check-in on "))).toBe(true);
    expect(await t.db.reminderDelivery.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "SENT", _count: 2 }]);
  });

  it("delivers queued mail (invites, sign-up links) on the same beat", async () => {
    await enqueueEmail(t.db, { to: "invitee@example.test", subject: "Sam invited you to Common Ground", text: "t", html: "<p>h</p>" });
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 0 });
    await until(() => smtp.messages.some((message) => message.subject === "Sam invited you to Common Ground"), "the queued email arrives");
    await dispatcher.stop();
    expect(smtp.messages.filter((message) => message.subject === "Sam invited you to Common Ground")).toHaveLength(1);
  });

  it("once stopped, sweeps no more: a reminder that falls due afterwards waits for the next sender", async () => {
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 2));
    await dispatcher.stop();
    await createCouples(t.db, 1, checkInTenMinutesFromNow());
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 5));
    expect(smtp.messages).toHaveLength(0);
    expect(await t.db.reminderDelivery.count()).toBe(0);
  });

  it("waits for its first beat, so a server that is starting is not slowed by a sweep", async () => {
    await createCouples(t.db, 1, checkInTenMinutesFromNow());
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 3));
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("starting it with the server", () => {
  it("starts the dispatcher when REMINDER_DISPATCH=app, and not when a worker or cron sends reminders", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    const started = vi.fn();
    vi.doMock("@/lib/reminders/dispatcher", () => ({ startDispatcherUntilShutdown: started }));
    try {
      const { register } = await import("@/instrumentation");
      env.REMINDER_DISPATCH = "external";
      await register();
      expect(started).not.toHaveBeenCalled();
      env.REMINDER_DISPATCH = "app";
      await register();
      expect(started).toHaveBeenCalledTimes(1);
    } finally {
      vi.doUnmock("@/lib/reminders/dispatcher");
      vi.unstubAllEnvs();
    }
  });
});
