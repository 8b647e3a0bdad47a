import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { keyEncryptionKey } from "../../lib/crypto/key-encryption-keys.ts";
import { createDbClient } from "../../lib/db/create-client.ts";
import { openAdapter } from "../../lib/db/adapter.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";
import type { SweepReport } from "../../lib/reminders/sweep.ts";
import { requireScratchPostgresDatabase } from "./scratch-database.ts";
import { createCouples, minutesBefore, NEXT_CHECK_IN, TEST_LINKS } from "../../tests/support/reminders.ts";
import { startSmtpListener } from "../../tests/support/smtp-listener.ts";

/**
 * 10,000 due reminders, two worker processes sweeping at once, a real SMTP listener on
 * 127.0.0.1, PostgreSQL. Uses a fresh database on the server at TEST_DATABASE_URL (default:
 * the local server at 127.0.0.1:5432), dropped afterwards. Prints wall time and messages/s.
 */
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const WORKERS = 2;

export async function run(): Promise<void> {
  const scratch = await requireScratchPostgresDatabase("bench_reminders");
  const { url } = scratch;
  const smtp = await startSmtpListener({ parse: false });
  const workers: ChildProcess[] = [];
  // A throwaway key-encryption key for this run's throwaway database, shared with the workers.
  const kek = randomBytes(32);
  try {
    const opened = openAdapter({ kind: "postgres", url });
    await applyPendingMigrations(opened.factory);
    const db = createDbClient(opened.factory, { keys: { current: keyEncryptionKey(kek), previous: null } });
    // Each couple has two members opted in to a reminder an hour before: two rows per couple.
    await createCouples(db, REMINDERS / 2, { leadMinutes: [60] });
    await db.$disconnect();
    await opened.close();

    const workerScript = fileURLToPath(new URL("./reminders-worker.ts", import.meta.url));
    const ready: Promise<void>[] = [];
    const done: Promise<SweepReport>[] = [];
    for (let index = 0; index < WORKERS; index += 1) {
      const child = fork(workerScript, {
        execArgv: ["--import", "tsx", "--conditions=react-server"],
        env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_SMTP_URL: smtp.url, BENCH_WORKER_ID: `bench-${index + 1}`, BENCH_KEK: kek.toString("base64url") },
      });
      workers.push(child);
      ready.push(new Promise((resolve) => child.once("message", () => resolve())));
      done.push(
        new Promise((resolve, reject) => {
          child.on("message", (message: { done?: SweepReport }) => message.done && resolve(message.done));
          child.once("exit", (code) => code !== 0 && reject(new Error(`Worker ${index + 1} exited with ${code}.`)));
        }),
      );
    }
    await Promise.all(ready);

    const started = performance.now();
    for (const child of workers) child.send({ now: minutesBefore(NEXT_CHECK_IN, 30).toISOString(), links: TEST_LINKS });
    const reports = await Promise.all(done);
    const seconds = (performance.now() - started) / 1000;

    const sent = reports.reduce((sum, report) => sum + report.sent, 0);
    const recipients = new Set(smtp.raw.map((raw) => /^To: (.+)$/m.exec(raw)?.[1]?.trim()));
    console.log(`reminders: ${REMINDERS} due, ${WORKERS} worker processes, SMTP on 127.0.0.1, PostgreSQL`);
    console.log(`  per worker sent: ${reports.map((report) => report.sent).join(" + ")} = ${sent}`);
    console.log(`  messages received by SMTP: ${smtp.raw.length} (distinct recipients: ${recipients.size})`);
    console.log(`  wall time: ${seconds.toFixed(2)} s, ${(smtp.raw.length / seconds).toFixed(0)} messages/s`);
    if (smtp.raw.length !== REMINDERS || recipients.size !== REMINDERS) {
      throw new Error(`Expected exactly ${REMINDERS} messages to ${REMINDERS} recipients.`);
    }
  } finally {
    for (const child of workers) if (child.exitCode === null) child.kill();
    await smtp.stop();
    await scratch.drop();
  }
}
