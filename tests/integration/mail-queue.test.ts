import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emailInviteAction } from "@/app/couple/actions";
import { IDLE } from "@/lib/actions/form-state";
import { listMyUndeliveredEmails } from "@/lib/data/undelivered-mail";
import { deliverQueuedEmails } from "@/lib/email/delivery";
import { createSmtpMailer, type SmtpMailer } from "@/lib/email/mailer";
import { enqueueEmail } from "@/lib/email/queue";
import { MAX_SEND_ATTEMPTS } from "@/lib/reminders/policy";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { signInAs } from "../support/browser";
import { formData } from "../support/forms";
import { startSmtpListener, type SmtpListener } from "../support/smtp-listener";
import { accessFor, createUser, type TestUser } from "../support/users";
import { raceTest } from "../support/races";

const env = vi.hoisted(() => ({ NODE_ENV: "test" as const, APP_URL: "http://app.test", REMINDER_DISPATCH: "app" as const, SMTP_URL: "smtp://127.0.0.1:9", HOST: "127.0.0.1" }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();
let smtp: SmtpListener;
let mailer: SmtpMailer;
let sam: TestUser;

beforeAll(async () => {
  smtp = await startSmtpListener();
  mailer = createSmtpMailer({ url: smtp.url, from: "Common Ground <test@localhost>", messageIdDomain: "app.test", maxConnections: 2 });
});
afterAll(async () => {
  mailer.close();
  await smtp.stop();
});
beforeEach(async () => {
  await t.db.queuedEmail.deleteMany();
  smtp.messages.length = 0;
  sam = await createUser(t.db, "Sam");
});

function deliver(now: Date, workerId = "worker-1") {
  return deliverQueuedEmails({ db: t.db, send: mailer.send, now: () => now, workerId });
}

describe("queued mail", () => {
  it("lets the invite form answer while the mail server is down, then delivers once it is back, and deletes the sent copy", async () => {
    await smtp.stop();
    await signInAs(sam);
    expect(await emailInviteAction(IDLE, formData({ email: "partner@example.test" }))).toMatchObject({ status: "ok" });
    // The form only queued it: nothing was tried against the server while it answered.
    expect(await t.db.queuedEmail.findMany()).toMatchObject([{ status: "PENDING", attempts: 0, lastError: null }]);

    const now = new Date();
    expect(await deliver(now)).toEqual({ sent: 0, retrying: 1, failed: 0, deferred: 0 });
    const [waiting] = await t.db.queuedEmail.findMany();
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.any(String) });
    expect(waiting?.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    // Not before its wait is over.
    expect(await deliver(new Date(now.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0, deferred: 0 });

    await smtp.start();
    mailer.close();
    mailer = createSmtpMailer({ url: smtp.url, from: "Common Ground <test@localhost>", messageIdDomain: "app.test", maxConnections: 2 });
    expect(await deliver(new Date(now.getTime() + 61_000))).toEqual({ sent: 1, retrying: 0, failed: 0, deferred: 0 });
    expect(smtp.messages.map((message) => message.subject)).toEqual(["Sam invited you to Common Ground"]);
    expect(await t.db.queuedEmail.count()).toBe(0);
  });

  it("gives up after the last attempt, keeps no message text, and tells the sender only", async () => {
    const send = async () => {
      throw new Error("550 mailbox unavailable");
    };
    await enqueueEmail(t.db, { to: "nobody@example.test", subject: "Sam invited you to Common Ground", text: "secret link", html: "<p>secret link</p>", senderId: sam.id });
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt += 1) {
      await deliverQueuedEmails({ db: t.db, send, now: () => now, workerId: "w" });
      now = new Date(now.getTime() + 31 * 60_000);
    }
    const [failed] = await t.db.queuedEmail.findMany();
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_SEND_ATTEMPTS, text: "", html: "", lastError: "550 mailbox unavailable" });
    expect(await listMyUndeliveredEmails(accessFor(t.db, sam), now)).toEqual([
      { id: failed?.id, to: "nobody@example.test", subject: "Sam invited you to Common Ground", createdAt: expect.any(Date) },
    ]);
    const partner = await createUser(t.db, "Alex");
    expect(await listMyUndeliveredEmails(accessFor(t.db, partner), now)).toEqual([]);
  });

  it("a permanent refusal (550) fails at once, keeps no message text, and tells the sender only", async () => {
    await enqueueEmail(t.db, { to: "nobody@example.test", subject: "Sam invited you to Common Ground", text: "secret link", html: "<p>secret link</p>", senderId: sam.id });
    smtp.refusal = { code: 550, message: "5.1.1 No such mailbox", at: "RCPT" };
    const now = new Date();
    try {
      expect(await deliver(now)).toEqual({ sent: 0, retrying: 0, failed: 1, deferred: 0 });
    } finally {
      smtp.refusal = null;
    }
    const [failed] = await t.db.queuedEmail.findMany();
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, text: "", html: "" });
    expect(failed?.lastError).toMatch(/550/);
    expect(await deliver(new Date(now.getTime() + 31 * 60_000))).toEqual({ sent: 0, retrying: 0, failed: 0, deferred: 0 });
    expect(await listMyUndeliveredEmails(accessFor(t.db, sam), now)).toMatchObject([{ to: "nobody@example.test" }]);
    const partner = await createUser(t.db, "Alex");
    expect(await listMyUndeliveredEmails(accessFor(t.db, partner), now)).toEqual([]);
  });

  it("a retry after 'try again later' (451) is the same message: one Message-ID for every attempt", async () => {
    await enqueueEmail(t.db, { to: "partner@example.test", subject: "Sam invited you to Common Ground", text: "t", html: "<p>h</p>", senderId: sam.id });
    const [queued] = await t.db.queuedEmail.findMany();
    smtp.refused.length = 0;
    smtp.refusal = { code: 451, message: "4.3.0 Try again later", at: "DATA" };
    const now = new Date();
    try {
      expect(await deliver(now)).toEqual({ sent: 0, retrying: 1, failed: 0, deferred: 0 });
    } finally {
      smtp.refusal = null;
    }
    expect(await deliver(new Date(now.getTime() + 61_000))).toEqual({ sent: 1, retrying: 0, failed: 0, deferred: 0 });
    const messageId = `<mail-${queued?.id}@app.test>`;
    expect(smtp.refused[0]?.raw).toContain(`Message-ID: ${messageId}`);
    expect(smtp.messages.map((message) => message.messageId)).toEqual([messageId]);
  });

  raceTest("sends each message once when two runs deliver at the same time", async () => {
    for (let index = 0; index < 30; index += 1) {
      await enqueueEmail(t.db, { to: `person-${index}@example.test`, subject: `Message ${index}`, text: "t", html: "<p>h</p>", headers: { "X-Queue-Test": `n${index}` } });
    }
    const now = new Date();
    const [first, second] = await Promise.all([deliver(now, "worker-1"), deliver(now, "worker-2")]);
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(30);
    expect(new Set(smtp.messages.map((message) => message.subject)).size).toBe(30);
    expect(smtp.messages).toHaveLength(30);
    // Headers survive the queue as headers.
    expect(smtp.messages.find((message) => message.subject === "Message 7")?.headers.get("x-queue-test")).toBe("n7");
  });
});
