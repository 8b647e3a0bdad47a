import "server-only";
import { LONGEST_LEAD_MINUTES } from "@/lib/check-ins/lead-times";
import { isOccurrenceOf, occurrencesBetween } from "@/lib/check-ins/occurrences";
import { ruleOf } from "@/lib/check-ins/schedule-rule";
import type { Db } from "@/lib/db/types";
import { SMTP_CONNECTIONS as SEND_CONCURRENCY, type SendEmail } from "@/lib/email/mailer";
import { composeReminder, type ReminderLinks } from "./reminder-email";
import { CLAIM_LEASE_MS, DEFAULT_BATCH_SIZE, LONGEST_SEND_MS, MAX_SEND_ATTEMPTS, PLAN_AHEAD_MS, retryDelayMs } from "./policy";

/**
 * Reminder delivery: the one function every way of running it calls (in the app process, the
 * standalone worker, the cron endpoint). It takes the clock, the database and the mailer, so
 * tests control all three. Each row of ReminderDelivery is one email to one person for one
 * occurrence and lead time; its status moves PENDING → SENDING (claimed) → SENT, or back to
 * PENDING for a retry, or to FAILED / SKIPPED. See docs/decisions/011.
 */
export type SweepOptions = {
  now: () => Date;
  db: Db;
  send: SendEmail;
  /** Names this sweep's claims; two sweeps must use different ids. */
  workerId: string;
  links: ReminderLinks;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** How many emails this sweep sends at once (default: the SMTP mailer's connections). */
  sendConcurrency?: number;
};

export type SweepReport = {
  planned: number;
  skippedStale: number;
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
  /** Given back untried because the lease was running out; the next sweep sends them. */
  deferred: number;
};

export async function sweepReminders(options: SweepOptions): Promise<SweepReport> {
  const { db, now } = options;
  const report: SweepReport = { planned: 0, skippedStale: 0, sent: 0, skipped: 0, retrying: 0, failed: 0, deferred: 0 };
  report.planned = await planDeliveries(db, now());
  report.skippedStale = await skipStale(db, now());
  for (;;) {
    const batch = await claimDue(db, now(), options);
    if (batch.length === 0) return report;
    const deferredBefore = report.deferred;
    await deliverBatch(batch, options, report);
    // This sweep is too slow for its leases: stop here and leave the rest to the next one.
    if (report.deferred > deferredBefore) return report;
  }
}

/**
 * Writes a row for every reminder due within the next hour, for every opted-in member of a
 * couple with a schedule. Idempotent: the unique (user, occurrence, lead time) key makes a
 * second sweep, or a second worker, insert nothing.
 */
async function planDeliveries(db: Db, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + LONGEST_LEAD_MINUTES * 60_000 + PLAN_AHEAD_MS);
  const schedules = await db.checkInSchedule.findMany({
    where: { couple: { endedAt: null } },
    select: {
      coupleId: true,
      cadence: true,
      weekday: true,
      localTime: true,
      timeZone: true,
      startsOn: true,
      couple: {
        select: {
          members: {
            // Only to an address its owner has proven (SPEC C12).
            where: { user: { emailVerifiedAt: { not: null }, reminderPreference: { emailEnabled: true, unsubscribedAt: null } } },
            select: { userId: true, user: { select: { reminderPreference: { select: { leadMinutes: true } } } } },
          },
        },
      },
    },
  });
  const rows = [];
  for (const schedule of schedules) {
    const occurrences = occurrencesBetween(ruleOf(schedule), now, horizon);
    for (const member of schedule.couple.members) {
      for (const leadMinutes of member.user.reminderPreference?.leadMinutes ?? []) {
        for (const occurrenceAt of occurrences) {
          const dueAt = new Date(occurrenceAt.getTime() - leadMinutes * 60_000);
          if (dueAt.getTime() > now.getTime() + PLAN_AHEAD_MS) continue;
          rows.push({ userId: member.userId, coupleId: schedule.coupleId, occurrenceAt, leadMinutes, dueAt, nextAttemptAt: dueAt });
        }
      }
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await db.reminderDelivery.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/**
 * After downtime, nothing is sent late in a burst: a reminder for a check-in that has begun
 * is skipped, and so is one made redundant by a later reminder for the same check-in that is
 * due too (the "1 day before" when "1 hour before" is already due).
 */
async function skipStale(db: Db, now: Date): Promise<number> {
  const past = await db.reminderDelivery.updateMany({
    where: {
      occurrenceAt: { lte: now },
      OR: [{ status: "PENDING" }, { status: "SENDING", claimedUntil: { lte: now } }],
    },
    data: { status: "SKIPPED", lastError: "The check-in had already begun.", claimedBy: null, claimedUntil: null },
  });
  const superseded = await db.$executeRaw`
    UPDATE "ReminderDelivery" AS d
    SET "status" = 'SKIPPED', "lastError" = 'A later reminder for the same check-in was due.'
    WHERE d."status" = 'PENDING' AND d."dueAt" <= ${now}
      AND EXISTS (
        SELECT 1 FROM "ReminderDelivery" AS later
        WHERE later."userId" = d."userId" AND later."occurrenceAt" = d."occurrenceAt"
          AND later."leadMinutes" < d."leadMinutes" AND later."dueAt" <= ${now}
          AND later."status" IN ('PENDING', 'SENDING', 'SENT')
      )`;
  return past.count + superseded;
}

type ClaimedDelivery = {
  id: string;
  userId: string;
  coupleId: string;
  occurrenceAt: Date;
  leadMinutes: number;
  attempts: number;
  claimedUntil: Date;
};

/**
 * Claims up to a batch of due rows in one statement. Rows another worker has locked are
 * skipped, and a row it has claimed no longer matches, so no row is ever claimed twice while
 * its lease runs; a lease that ran out (its worker crashed) makes the row claimable again.
 */
async function claimDue(db: Db, now: Date, options: SweepOptions): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? CLAIM_LEASE_MS));
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "ReminderDelivery"
    SET "status" = 'SENDING', "attempts" = "attempts" + 1, "claimedBy" = ${options.workerId}, "claimedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "ReminderDelivery"
      WHERE "dueAt" <= ${now} AND "occurrenceAt" > ${now}
        AND (("status" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING' AND "claimedUntil" <= ${now}))
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "userId", "coupleId", "occurrenceAt", "leadMinutes", "attempts", "claimedUntil"`;
}

async function loadRecipients(db: Db, userIds: string[]) {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: {
      id: true,
      email: true,
      emailVerifiedAt: true,
      reminderPreference: { select: { emailEnabled: true, unsubscribedAt: true, leadMinutes: true } },
      membership: {
        select: {
          coupleId: true,
          couple: {
            select: {
              endedAt: true,
              checkIn: { select: { cadence: true, weekday: true, localTime: true, timeZone: true, startsOn: true } },
            },
          },
        },
      },
    },
  });
  return new Map(users.map((user) => [user.id, user]));
}

type Recipient = NonNullable<ReturnType<Awaited<ReturnType<typeof loadRecipients>>["get"]>>;

/** Checked again at send time: anything may have changed since the row was planned. */
function reasonNotToSend(row: ClaimedDelivery, recipient: Recipient | undefined, now: Date): string | null {
  const preference = recipient?.reminderPreference;
  if (!recipient || !preference?.emailEnabled || preference.unsubscribedAt || !preference.leadMinutes.includes(row.leadMinutes)) {
    return "Reminders were turned off for this time.";
  }
  if (!recipient.emailVerifiedAt) return "The email address is not verified.";
  const membership = recipient.membership;
  if (!membership || membership.coupleId !== row.coupleId || membership.couple.endedAt) return "No longer in this couple.";
  const schedule = membership.couple.checkIn;
  if (!schedule || !isOccurrenceOf(ruleOf(schedule), row.occurrenceAt)) return "The check-in schedule changed.";
  if (row.occurrenceAt.getTime() <= now.getTime()) return "The check-in had already begun.";
  return null;
}

async function deliverBatch(batch: ClaimedDelivery[], options: SweepOptions, report: SweepReport): Promise<void> {
  const recipients = await loadRecipients(options.db, batch.map((row) => row.userId));
  // A few sends at once, as many as the mailer keeps connections: each waits on the network.
  const queue = [...batch];
  const lanes = Array.from({ length: Math.min(options.sendConcurrency ?? SEND_CONCURRENCY, queue.length) }, async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      report[await deliverOne(row, recipients.get(row.userId), options)] += 1;
    }
  });
  await Promise.all(lanes);
}

async function deliverOne(
  row: ClaimedDelivery,
  recipient: Recipient | undefined,
  options: SweepOptions,
): Promise<"sent" | "skipped" | "retrying" | "failed" | "deferred"> {
  const { db, workerId } = options;
  if (options.now().getTime() + LONGEST_SEND_MS > row.claimedUntil.getTime()) {
    // Too little of the lease is left for a send to finish inside it: give the row back
    // untried, rather than risk another worker taking it over while this send runs.
    await release(db, row, workerId, { status: "PENDING", lastError: null, attempts: row.attempts - 1 });
    return "deferred";
  }
  const reason = reasonNotToSend(row, recipient, options.now());
  const schedule = recipient?.membership?.couple.checkIn;
  if (reason || !recipient || !schedule) {
    await release(db, row, workerId, { status: "SKIPPED", lastError: reason });
    return "skipped";
  }
  try {
    await options.send(
      composeReminder({
        to: recipient.email,
        userId: recipient.id,
        coupleId: row.coupleId,
        occurrenceAt: row.occurrenceAt,
        timeZone: schedule.timeZone,
        links: options.links,
        now: options.now(),
      }),
    );
  } catch (error) {
    const lastError = describeError(error);
    if (row.attempts >= (options.maxAttempts ?? MAX_SEND_ATTEMPTS)) {
      await release(db, row, workerId, { status: "FAILED", lastError });
      return "failed";
    }
    const nextAttemptAt = new Date(options.now().getTime() + retryDelayMs(row.attempts));
    await release(db, row, workerId, { status: "PENDING", lastError, nextAttemptAt });
    return "retrying";
  }
  await release(db, row, workerId, { status: "SENT", sentAt: options.now(), lastError: null });
  return "sent";
}

/**
 * Ends this worker's claim, one row at a time, so that a worker that dies mid-batch leaves at
 * most the emails in flight unrecorded. Guarded by the claim: a row another worker took over
 * is left to it.
 */
async function release(
  db: Db,
  row: ClaimedDelivery,
  workerId: string,
  data: {
    status: "SENT" | "PENDING" | "FAILED" | "SKIPPED";
    lastError: string | null;
    sentAt?: Date;
    nextAttemptAt?: Date;
    attempts?: number;
  },
): Promise<void> {
  await db.reminderDelivery.updateMany({
    where: { id: row.id, status: "SENDING", claimedBy: workerId },
    data: { ...data, claimedBy: null, claimedUntil: null },
  });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
