import "server-only";
import type { Db } from "@/lib/db/types";
import { DEFAULT_BATCH_SIZE, MAX_SEND_ATTEMPTS, QUEUED_MAIL_LEASE_MS, QUEUED_MAIL_LONGEST_SEND_MS, retryDelayMs } from "@/lib/reminders/policy";
import { SMTP_CONNECTIONS as SEND_CONCURRENCY, type SendEmail } from "./mailer";
import { isPermanentRefusal } from "./permanent-refusal";

/**
 * Delivers queued email (QueuedEmail): claimed before sending, retried with the reminders'
 * waits, failures kept for the person who sent it (decision 011's model, decision 018). A sent
 * message is deleted: its link is a secret, and nothing needs the copy. Every way reminders are
 * run (the app's dispatcher, the worker, the cron endpoint) runs this too, and a form that
 * queues mail starts a run at once (deliver-soon.ts).
 */
export type DeliveryOptions = {
  now: () => Date;
  db: Db;
  send: SendEmail;
  /** Names this run's claims; two runs must use different ids. */
  workerId: string;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number; deferred: number };

type Claimed = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  readerId: string | null;
  readerKeyHash: string | null;
  attempts: number;
  claimedUntil: Date;
};

export async function deliverQueuedEmails(options: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, deferred: 0 };
  for (;;) {
    const batch = await claimDue(options);
    if (batch.length === 0) return report;
    const deferredBefore = report.deferred;
    const queue = [...batch];
    const lanes = Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) report[await deliverOne(row, options)] += 1;
    });
    await Promise.all(lanes);
    // Too slow for the leases: leave the rest to the next run.
    if (report.deferred > deferredBefore) return report;
  }
}

/**
 * One statement claims: rows another run holds are skipped, and an expired claim (a crashed run)
 * is taken over. The words are then read through the client, which decrypts them (decision 022).
 */
async function claimDue(options: DeliveryOptions): Promise<Claimed[]> {
  const now = options.now();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? QUEUED_MAIL_LEASE_MS));
  const claimed = await options.db.$queryRaw<Omit<Claimed, "subject" | "text" | "html">[]>`
    UPDATE "QueuedEmail"
    SET "status" = 'SENDING', "attempts" = "attempts" + 1, "claimedBy" = ${options.workerId}, "claimedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "QueuedEmail"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING' AND "claimedUntil" <= ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${options.batchSize ?? DEFAULT_BATCH_SIZE}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "headers", "readerId", "readerKeyHash", "attempts", "claimedUntil"`;
  if (claimed.length === 0) return [];
  const words = await options.db.queuedEmail.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    select: { id: true, subject: true, text: true, html: true },
  });
  const byId = new Map(words.map((row) => [row.id, row]));
  return claimed.flatMap((row) => {
    const content = byId.get(row.id);
    return content ? [{ ...row, subject: content.subject, text: content.text, html: content.html }] : [];
  });
}

async function deliverOne(row: Claimed, options: DeliveryOptions): Promise<keyof DeliveryReport> {
  const { db, workerId } = options;
  const mine = { id: row.id, status: "SENDING" as const, claimedBy: workerId };
  if (options.now().getTime() + QUEUED_MAIL_LONGEST_SEND_MS > row.claimedUntil.getTime()) {
    await db.queuedEmail.updateMany({ where: mine, data: { status: "PENDING", attempts: row.attempts - 1, claimedBy: null, claimedUntil: null } });
    return "deferred";
  }
  try {
    await options.send({
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: row.headers,
      // The same Message-ID on every attempt: a retry after a dropped connection is recognisably the same message.
      messageKey: `mail-${row.id}`,
      outboxReader: row.readerId || row.readerKeyHash ? { userId: row.readerId, keyHash: row.readerKeyHash } : undefined,
    });
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    // A permanent refusal (5xx) fails at once: retrying would only be refused again.
    if (isPermanentRefusal(error) || row.attempts >= (options.maxAttempts ?? MAX_SEND_ATTEMPTS)) {
      // Kept so its sender can be told, without the message: its link must not outlive the attempt.
      await db.queuedEmail.updateMany({
        where: mine,
        data: { status: "FAILED", lastError, text: "", html: "", claimedBy: null, claimedUntil: null },
      });
      console.error(`An email could not be delivered (attempt ${row.attempts}): ${lastError}`);
      return "failed";
    }
    await db.queuedEmail.updateMany({
      where: mine,
      data: { status: "PENDING", lastError, nextAttemptAt: new Date(options.now().getTime() + retryDelayMs(row.attempts)), claimedBy: null, claimedUntil: null },
    });
    return "retrying";
  }
  await db.queuedEmail.deleteMany({ where: mine });
  return "sent";
}
