/**
 * The in-app reminder dispatcher, as the server starts it (instrumentation.ts with
 * REMINDER_DISPATCH=app): it sweeps on its own beat with the app's clock, database and mailer,
 * sends each due reminder once however many beats pass, delivers queued mail on the same beat,
 * and sends nothing once stopped. On the embedded database, where the app itself is the only
 * sender; the sweep it runs is tested on both engines (reminders-sweep.test.ts), and the worker
 * process, on PostgreSQL, in reminders-worker.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueueEmail } from "@/lib/email/queue";
import { startReminderDispatcher, type ReminderDispatcher } from "@/lib/reminders/dispatcher";
import { useTestDb } from "../support/browser";
import { checkInTenMinutesFromNow, createCouples } from "../support/reminders";
import { createTestDb, type TestDb } from "../support/test-db";

const env = vi.hoisted(() => ({
  NODE_ENV: "test" as const,
  NEXTAUTH_SECRET: "dispatch-test-secret-0123456789abcdef0123456789",
  APP_URL: "http://app.test",
  REMINDER_DISPATCH: "app" as "app" | "external",
  // No SMTP_URL: mail goes to the development outbox, in the test database.
  SMTP_URL: undefined,
  MAIL_FROM: "Common Ground <reminders@app.test>",
}));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/db/client", () => import("../support/browser"));

const BEAT_MS = 100;

const sent = () => t.db.outboxMessage.findMany({ select: { to: true, subject: true } });

let t: TestDb;
let dispatcher: ReminderDispatcher | null = null;

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.runIf(process.env.TEST_DB_KIND === "pglite")("the dispatcher the server starts", () => {
  beforeAll(async () => {
    t = await createTestDb();
    useTestDb(t.db);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.user.deleteMany();
    await t.db.couple.deleteMany();
    await t.db.outboxMessage.deleteMany();
  });
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = null;
  });

  it("sends each partner's due reminder once, however many beats pass", async () => {
    const [couple] = await createCouples(t.db, 1, checkInTenMinutesFromNow());
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 0 });
    await until(async () => (await sent()).length >= 2, "both partners have their reminder");
    // Several more beats: each sweeps again, and finds nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 5));
    await dispatcher.stop();
    const messages = await sent();
    expect(messages.map((message) => message.to).sort()).toEqual(couple!.members.map((m) => m.email).sort());
    expect(messages.every((message) => message.subject.startsWith("Reminder: check-in on "))).toBe(true);
    expect(await t.db.reminderDelivery.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "SENT", _count: 2 }]);
  });

  it("delivers queued mail (invites, sign-up links) on the same beat", async () => {
    await enqueueEmail(t.db, { to: "invitee@example.test", subject: "Sam invited you to Common Ground", text: "t", html: "<p>h</p>" });
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 0 });
    await until(async () => (await sent()).length > 0, "the queued email arrives");
    await dispatcher.stop();
    expect(await sent()).toEqual([{ to: "invitee@example.test", subject: "Sam invited you to Common Ground" }]);
  });

  it("once stopped, sweeps no more: a reminder that falls due afterwards waits for the next sender", async () => {
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 2));
    await dispatcher.stop();
    await createCouples(t.db, 1, checkInTenMinutesFromNow());
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 5));
    expect(await sent()).toEqual([]);
    expect(await t.db.reminderDelivery.count()).toBe(0);
  });

  it("waits for its first beat, so a server that is starting is not slowed by a sweep", async () => {
    await createCouples(t.db, 1, checkInTenMinutesFromNow());
    dispatcher = startReminderDispatcher({ intervalMs: BEAT_MS, firstRunAfterMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, BEAT_MS * 3));
    expect(await sent()).toEqual([]);
  });
});

describe.runIf(process.env.TEST_DB_KIND === "pglite")("starting it with the server", () => {
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
