import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import type { CheckInRule } from "../../lib/check-ins/occurrences.ts";
import { keyEncryptionKey } from "../../lib/crypto/key-encryption-keys.ts";
import { createDbClient } from "../../lib/db/create-client.ts";
import { openAdapter } from "../../lib/db/adapter.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";
import type { Db } from "../../lib/db/types.ts";
import { CLAIM_LEASE_MS } from "../../lib/reminders/policy.ts";
import { requireScratchPostgresDatabase } from "./scratch-database.ts";
import { createCouples } from "../../tests/support/reminders.ts";
import { startSmtpListener, type SmtpListener } from "../../tests/support/smtp-listener.ts";

/**
 * How soon a killed sender's claimed reminders go out (decision 028), with the real worker entry
 * point (`npm run reminders:worker`) in real time on PostgreSQL. Worker A starts sending 200 due
 * reminders to an SMTP listener that answers each message after 100 ms; once it is mid-batch it is
 * killed (SIGKILL) and worker B takes over, either started right then (a restart) or running
 * since before (a second instance). Prints when A's claimed reminders arrived after the kill, and
 * how many messages arrived twice (those A had handed over when it died; each copy carries the
 * same Message-ID). Uses a fresh database on TEST_DATABASE_URL's server, dropped afterwards.
 */
const REMINDERS = 200;
const ANSWER_AFTER_MS = 100;
const WORKER = fileURLToPath(new URL("../reminders-worker.ts", import.meta.url));

type Scenario = { name: string; secondInstanceAlreadyRunning: boolean };
const SCENARIOS: Scenario[] = [
  { name: "restart (B starts when A is killed)", secondInstanceAlreadyRunning: false },
  { name: "second instance (B running all along)", secondInstanceAlreadyRunning: true },
];

export async function run(): Promise<void> {
  console.log(`reminders-reclaim: ${REMINDERS} due reminders, SMTP answering after ${ANSWER_AFTER_MS} ms, claim lease ${CLAIM_LEASE_MS / 1000} s, PostgreSQL`);
  for (const scenario of SCENARIOS) await runScenario(scenario);
}

/** A weekly check-in about half an hour from now (UTC), so every reminder an hour before it is due now. */
function checkInSoon(): CheckInRule {
  const at = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
  return { cadence: "WEEKLY", weekday: at.getUTCDay() || 7, localTime: at.toISOString().slice(11, 16), timeZone: "UTC", startsOn: "2026-01-05" };
}

async function runScenario(scenario: Scenario): Promise<void> {
  const scratch = await requireScratchPostgresDatabase("bench_reclaim");
  const { url } = scratch;
  const smtp = await startSmtpListener({ parse: false });
  smtp.answerAfterMs = ANSWER_AFTER_MS;
  const kek = randomBytes(32);
  const opened = openAdapter({ kind: "postgres", url });
  const db = createDbClient(opened.factory, { keys: { current: keyEncryptionKey(kek), previous: null } });
  const workers: ChildProcess[] = [];
  const start = () => {
    const child = startWorker(url, smtp, kek);
    workers.push(child);
    return child;
  };
  try {
    await applyPendingMigrations(opened.factory);
    await createCouples(db, REMINDERS / 2, { rule: checkInSoon(), leadMinutes: [60] });
    const arrivals = recordArrivals(smtp);

    const a = start();
    if (scenario.secondInstanceAlreadyRunning) start();
    await waitFor(() => smtp.raw.length >= 10, 60_000, "worker A to be mid-batch");
    const exited = new Promise((resolve) => a.once("exit", resolve));
    a.kill("SIGKILL");
    const killedAt = performance.now();
    if (!scenario.secondInstanceAlreadyRunning) start();
    // What A had sent to the database before it died lands there; then its claims are what it held.
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The worker names its claims after its host and process id (scripts/reminders-worker.ts).
    const held = await claimsHeldBy(db, `worker-${hostname()}-${a.pid}-`);
    if (held.length === 0) throw new Error("Worker A held no claims when it was killed: nothing to measure.");

    await waitFor(() => held.every((email) => arrivals.lastAt(email) > killedAt), 5 * 60_000, "A's claimed reminders to arrive");
    const resumed = held.map((email) => (arrivals.lastAt(email) - killedAt) / 1000);
    await waitFor(async () => (await db.reminderDelivery.count({ where: { status: { not: "SENT" } } })) === 0, 60_000, "every reminder to be sent");

    const copies = arrivals.copiesByRecipient();
    const twice = [...copies.entries()].filter(([, ids]) => ids.length > 1);
    const sameMessageId = twice.every(([, ids]) => new Set(ids).size === 1);
    console.log(`  ${scenario.name}:`);
    console.log(`    A held ${held.length} claimed reminders when killed; they arrived ${Math.min(...resumed).toFixed(1)}-${Math.max(...resumed).toFixed(1)} s after the kill`);
    console.log(`    received ${smtp.raw.length} messages for ${copies.size} recipients; ${twice.length} arrived twice (same Message-ID each time: ${sameMessageId ? "yes" : "no"})`);
    if (copies.size !== REMINDERS) throw new Error(`Expected all ${REMINDERS} recipients to get their reminder.`);
  } finally {
    for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await db.$disconnect();
    await opened.close();
    await smtp.stop();
    await scratch.drop();
  }
}

/** The real worker entry point, as `npm run reminders:worker` runs it. */
function startWorker(url: string, smtp: SmtpListener, kek: Buffer): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", WORKER], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      SMTP_URL: smtp.url,
      APP_URL: "http://app.test",
      MAIL_FROM: "Common Ground <reminders@app.test>",
      NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
      DATA_ENCRYPTION_KEY: kek.toString("base64"),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function claimsHeldBy(db: Db, workerIdPrefix: string): Promise<string[]> {
  const rows = await db.reminderDelivery.findMany({ where: { status: "SENDING", claimedBy: { startsWith: workerIdPrefix } }, select: { user: { select: { email: true } } } });
  return rows.map((row) => row.user.email);
}

/** When each message arrived, read from the listener as it fills. */
function recordArrivals(smtp: SmtpListener) {
  const seen: { to: string; messageId: string; at: number }[] = [];
  const timer = setInterval(() => {
    for (const raw of smtp.raw.slice(seen.length)) {
      seen.push({ to: /^To: (.+)$/m.exec(raw)?.[1]?.trim() ?? "", messageId: /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim() ?? "", at: performance.now() });
    }
  }, 20);
  timer.unref();
  return {
    lastAt: (to: string) => Math.max(-Infinity, ...seen.filter((message) => message.to === to).map((message) => message.at)),
    copiesByRecipient: () => {
      const copies = new Map<string, string[]>();
      for (const message of seen) copies.set(message.to, [...(copies.get(message.to) ?? []), message.messageId]);
      return copies;
    },
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
