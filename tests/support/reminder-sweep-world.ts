import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createSmtpMailer, type SmtpMailer } from "@/lib/email/mailer";
import { startSmtpListener, type SmtpListener } from "./smtp-listener";
import { createTestDb, type TestDb } from "./test-db";

export type ReminderSweepWorld = { t: TestDb; smtp: SmtpListener; mailer: SmtpMailer };

/**
 * For a file of reminder-sweep tests: one database for the file, emptied of people before each
 * test (so one test's schedules never reach another's sweep), and a fresh SMTP listener and
 * mailer per test. The fields are filled in before each test runs.
 */
export function setUpReminderSweepWorld(): ReminderSweepWorld {
  const world = { t: {} as TestDb } as ReminderSweepWorld;
  beforeAll(async () => {
    Object.assign(world.t, await createTestDb());
  });
  afterAll(() => world.t.close());
  beforeEach(async () => {
    await world.t.db.user.deleteMany();
    await world.t.db.couple.deleteMany();
    world.smtp = await startSmtpListener();
    world.mailer = createSmtpMailer({ url: world.smtp.url, from: "Common Ground <reminders@app.test>", messageIdDomain: "app.test" });
  });
  afterEach(async () => {
    world.mailer.close();
    await world.smtp.stop();
  });
  return world;
}
