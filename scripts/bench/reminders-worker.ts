import { parseKeyEncryptionKey } from "../../lib/crypto/key-encryption-keys.ts";
import { createDbClient } from "../../lib/db/create-client.ts";
import { openAdapter } from "../../lib/db/adapter.ts";
import { createSmtpMailer } from "../../lib/email/mailer.ts";
import { sweepReminders } from "../../lib/reminders/sweep.ts";

/**
 * One benchmark worker process (forked by scripts/bench/reminders.ts): it connects, says
 * "ready", runs one sweep when told "go" at a fixed clock, and reports what it did.
 */
type Go = { now: string; links: { appUrl: string; unsubscribeSecret: string } };

const { BENCH_DATABASE_URL, BENCH_SMTP_URL, BENCH_WORKER_ID, BENCH_KEK } = process.env;
if (!BENCH_DATABASE_URL || !BENCH_SMTP_URL || !BENCH_WORKER_ID || !BENCH_KEK || !process.send) {
  throw new Error("Run by scripts/bench/reminders.ts, which sets BENCH_DATABASE_URL, BENCH_SMTP_URL, BENCH_WORKER_ID and BENCH_KEK.");
}
const opened = openAdapter({ kind: "postgres", url: BENCH_DATABASE_URL });
const db = createDbClient(opened.factory, { keys: { current: parseKeyEncryptionKey(BENCH_KEK, "BENCH_KEK"), previous: null } });
const mailer = createSmtpMailer({ url: BENCH_SMTP_URL, from: "Common Ground <bench@app.test>", messageIdDomain: "app.test" });
await db.$queryRaw`SELECT 1`;

process.once("message", async (message: Go) => {
  try {
    const report = await sweepReminders({
      now: () => new Date(message.now),
      db,
      send: mailer.send,
      workerId: BENCH_WORKER_ID,
      links: message.links,
      batchSize: 100,
    });
    process.send?.({ done: report });
  } finally {
    mailer.close();
    await db.$disconnect();
    await opened.close();
  }
});
process.send({ ready: true });
