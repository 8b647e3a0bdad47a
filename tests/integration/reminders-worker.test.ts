/**
 * The reminder worker process (`npm run reminders:worker`, scripts/reminders-worker.ts), for
 * deployments where app instances leave reminders to it (REMINDER_DISPATCH=external). Started
 * as a deployment starts it: a process of its own on the app's PostgreSQL database. Two at once
 * send each reminder once, and SIGTERM stops them cleanly. The in-app dispatcher is tested in
 * reminder-dispatch.test.ts.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInTenMinutesFromNow, createCouples } from "../support/reminders";
import { startSmtpListener, type SmtpListener } from "../support/smtp-listener";
import { createTestDb, type TestDb } from "../support/test-db";

type Worker = { output: () => string; exited: Promise<number | null>; stop: () => void };

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/reminders-worker.ts"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { output: () => output, exited, stop: () => child.kill("SIGTERM") };
}

async function until(condition: () => boolean, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}. Worker output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(process.env.TEST_DB_KIND === "pglite")("the worker without a database server", () => {
  it("refuses to start on the embedded database, which one process alone may open, and says why", async () => {
    const worker = startWorker({ DATABASE_URL: "" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("set DATABASE_URL");
  });
});

describe.runIf(process.env.TEST_DB_KIND === "postgres")("workers on the app's PostgreSQL database", () => {
  let t: TestDb;
  let smtp: SmtpListener;
  beforeAll(async () => {
    t = await createTestDb();
    smtp = await startSmtpListener();
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  it("two workers at once send each due reminder once, and both stop cleanly on SIGTERM", { timeout: 90_000 }, async () => {
    const couples = await createCouples(t.db, 3, checkInTenMinutesFromNow());
    const env = {
      DATABASE_URL: t.url!,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Common Ground <reminders@app.test>",
      APP_URL: "http://app.test",
      NEXTAUTH_SECRET: "worker-test-secret-0123456789abcdef0123456789",
      // The tests' own key-encryption key (tests/support/encryption-keys.ts), so the workers read what the tests wrote.
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    };
    const workers = [startWorker(env), startWorker(env)];
    const output = () => workers.map((worker) => worker.output()).join("\n---\n");
    try {
      await until(() => smtp.messages.length >= 6, "every partner has their reminder", output);
      // Both have swept at least once (each logs its sweeps), so neither is merely slow to start.
      await until(() => workers.every((worker) => /sent \d+/.test(worker.output())), "both workers have swept", output);
    } finally {
      for (const worker of workers) worker.stop();
    }
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);
    for (const worker of workers) expect(worker.output()).toContain("Reminder worker stopped.");
    const recipients = smtp.messages.map((message) => (Array.isArray(message.to) ? "" : message.to?.text));
    expect(recipients.sort()).toEqual(couples.flatMap((couple) => couple.members.map((member) => member.email)).sort());
    expect(await t.db.reminderDelivery.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "SENT", _count: 6 }]);
  });
});
