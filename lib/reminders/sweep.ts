import "server-only";
import { LONGEST_LEAD_MINUTES } from "@/lib/check-ins/lead-times";
import { conversationsBetween } from "@/lib/check-ins/conversations";
import { isOccurrenceOf, isValidTimeZone, type Cadence } from "@/lib/check-ins/occurrences";
import { ruleOf } from "@/lib/check-ins/schedule-rule";
import type { Db } from "@/lib/db/types";
import type { ConversationKind } from "@/lib/email/templates";
import { SMTP_CONNECTIONS as SEND_CONCURRENCY, type SendEmail } from "@/lib/email/mailer";
import { isPermanentRefusal } from "@/lib/email/permanent-refusal";
import { composeReminder, type ReminderLinks } from "./reminder-email";
import { CLAIM_LEASE_MS, claimRenewalMs, DEFAULT_BATCH_SIZE, leaseLeftToSendMs, MAX_SEND_ATTEMPTS, PLAN_AHEAD_MS, retryDelayMs } from "./policy";

/**
 * Reminder delivery: the one function every way of running it calls (in the app process, the
 * standalone worker, the cron endpoint). It takes the clock, the database and the mailer, so
 * tests control all three. Each row of ReminderDelivery is one email to one person for one
 * occurrence and lead time; its status moves PENDING → SENDING (claimed) → SENT, or back to
 * PENDING for a retry, or to FAILED (its recipient is told why) / SKIPPED. See docs/decisions/011
 * and 028.
 */
export type SweepOptions = {
  now: () => Date;
  db: Db;
  send: SendEmail;
  /** Names this sweep's claims; two sweeps must use different ids. */
  workerId: string;
  links: ReminderLinks;
  batchSize?: number;
  /** How long a claim lasts past its last renewal (renewed every third of it while the sweep runs). */
  leaseMs?: number;
  maxAttempts?: number;
  /** How many emails this sweep sends at once (default: the SMTP mailer's connections). */
  sendConcurrency?: number;
};

export type SweepReport = {
  planned: number;
  /** Skipped for a later reminder of the same check-in that was due too. */
  superseded: number;
  sent: number;
  /** Not sent: no longer wanted (reminders off, address unverified, couple ended, schedule changed). */
  skipped: number;
  /** Not sent because the check-in had begun; each recipient is told, as of a failure. */
  tooLate: number;
  retrying: number;
  /** Given up: refused for good by the mail server, or out of attempts; each recipient is told. */
  failed: number;
  /** Given back untried because its claim was running out; the next sweep sends them. */
  deferred: number;
};

type Outcome = Exclude<keyof SweepReport, "planned" | "superseded">;

export async function sweepReminders(options: SweepOptions): Promise<SweepReport> {
  const { db, now } = options;
  const report: SweepReport = { planned: 0, superseded: 0, sent: 0, skipped: 0, tooLate: 0, retrying: 0, failed: 0, deferred: 0 };
  report.planned = await planDeliveries(db, now());
  report.superseded = await skipSuperseded(db, now());
  for (;;) {
    const batch = await claimDue(db, now(), options);
    if (batch.length === 0) return report;
    const deferredBefore = report.deferred;
    await deliverBatch(batch, options, report);
    // This sweep could not keep its claims: stop here and leave the rest to the next one.
    if (report.deferred > deferredBefore) return report;
  }
}

/**
 * Writes a row for every reminder due within the next hour, for every opted-in member of a
 * couple with a conversation ahead: their schedule's occurrences, less the skipped ones, with the
 * moved ones at their new time, and a one-off set on the plan (decision 038). Idempotent: the
 * unique (user, occurrence, lead time) key makes a second sweep, or a second worker, insert nothing.
 */
async function planDeliveries(db: Db, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + LONGEST_LEAD_MINUTES * 60_000 + PLAN_AHEAD_MS);
  const couples = await db.couple.findMany({
    where: { endedAt: null, OR: [{ checkIn: { isNot: null } }, { conversationAt: { gt: now, lte: horizon } }] },
    select: {
      id: true,
      conversationAt: true,
      checkIn: { select: { cadence: true, weekday: true, localTime: true, timeZone: true, startsOn: true } },
      checkInChanges: {
        where: { OR: [{ occurrenceAt: { gt: now } }, { movedTo: { gt: now } }] },
        select: { occurrenceAt: true, kind: true, movedTo: true },
      },
      members: {
        // Only to an address its owner has proven (SPEC C12).
        where: { user: { emailVerifiedAt: { not: null }, reminderPreference: { emailEnabled: true, unsubscribedAt: null } } },
        select: { userId: true, user: { select: { reminderPreference: { select: { leadMinutes: true } } } } },
      },
    },
  });
  const rows = [];
  for (const couple of couples) {
    const inputs = { rule: couple.checkIn ? ruleOf(couple.checkIn) : null, changes: couple.checkInChanges, oneOffAt: couple.conversationAt };
    const occurrences = conversationsBetween(inputs, now, horizon).map((conversation) => conversation.at);
    for (const member of couple.members) {
      for (const leadMinutes of member.user.reminderPreference?.leadMinutes ?? []) {
        for (const occurrenceAt of occurrences) {
          const dueAt = new Date(occurrenceAt.getTime() - leadMinutes * 60_000);
          if (dueAt.getTime() > now.getTime() + PLAN_AHEAD_MS) continue;
          rows.push({ userId: member.userId, coupleId: couple.id, occurrenceAt, leadMinutes, dueAt, nextAttemptAt: dueAt });
        }
      }
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await db.reminderDelivery.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/**
 * After downtime, nothing is sent in a burst: a reminder made redundant by a later one for the
 * same check-in that is due too (the "1 day before" when "1 hour before" is already due) is
 * skipped. One whose check-in has begun is claimed like any other and marked too late there.
 */
async function skipSuperseded(db: Db, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE "ReminderDelivery" AS d
    SET "status" = 'SKIPPED', "lastError" = 'A later reminder for the same check-in was due.'
    WHERE d."status" = 'PENDING' AND d."dueAt" <= ${now}
      AND EXISTS (
        SELECT 1 FROM "ReminderDelivery" AS later
        WHERE later."userId" = d."userId" AND later."occurrenceAt" = d."occurrenceAt"
          AND later."leadMinutes" < d."leadMinutes" AND later."dueAt" <= ${now}
          AND later."status" IN ('PENDING', 'SENDING', 'SENT')
      )`;
}

type ClaimedDelivery = {
  id: string;
  userId: string;
  coupleId: string;
  occurrenceAt: Date;
  leadMinutes: number;
  attempts: number;
};

/**
 * Claims up to a batch of due rows in one statement. Rows another sweep has locked are skipped,
 * and a row it has claimed no longer matches, so no row is ever claimed twice while its claim
 * runs; a claim that ran out (its sweep stopped renewing it) makes the row claimable again.
 */
async function claimDue(db: Db, now: Date, options: SweepOptions): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? CLAIM_LEASE_MS));
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "ReminderDelivery"
    SET "status" = 'SENDING', "attempts" = "attempts" + 1, "claimedBy" = ${options.workerId}, "claimedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "ReminderDelivery"
      WHERE "dueAt" <= ${now}
        AND (("status" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING' AND "claimedUntil" <= ${now}))
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "userId", "coupleId", "occurrenceAt", "leadMinutes", "attempts"`;
}

/** A claimed row as it stands right now, with everything that decides whether it may still be sent. */
type ClaimState = {
  claimedUntil: Date;
  email: string;
  emailVerifiedAt: Date | null;
  emailEnabled: boolean | null;
  unsubscribedAt: Date | null;
  leadMinutes: number[] | null;
  /** The row's couple, when its recipient is still a member of it. */
  memberOf: string | null;
  endedAt: Date | null;
  cadence: Cadence | null;
  weekday: number | null;
  localTime: string | null;
  timeZone: string | null;
  startsOn: Date | null;
  /** The recipient's own zone: the email names the time in it. */
  readerZone: string | null;
  /** The couple's one-off conversation. */
  conversationAt: Date | null;
  /** How a partner changed the occurrence the row is for, if they did. */
  changeHere: "SKIPPED" | "MOVED" | null;
  /** Whether a partner moved an occurrence to the row's time. */
  movedHere: boolean;
};

/**
 * Read right before each send, in one statement: the row (still claimed by this sweep, and for
 * how long), its recipient, their preference, their membership of the row's couple, and that
 * couple's schedule, one-off conversation and changes to the row's occurrence (decision 038). Null when the row is gone (the account or couple was deleted, the couple
 * ended) or another sweep holds it now.
 */
async function readClaim(db: Db, rowId: string, workerId: string): Promise<ClaimState | null> {
  const [state] = await db.$queryRaw<ClaimState[]>`
    SELECT d."claimedUntil", u."email", u."emailVerifiedAt",
      p."emailEnabled", p."unsubscribedAt", p."leadMinutes",
      m."coupleId" AS "memberOf", c."endedAt",
      s."cadence"::text AS "cadence", s."weekday", s."localTime", s."timeZone", s."startsOn",
      u."timeZone" AS "readerZone", c."conversationAt",
      (SELECT x."kind"::text FROM "CheckInChange" AS x
        WHERE x."coupleId" = d."coupleId" AND x."occurrenceAt" = d."occurrenceAt") AS "changeHere",
      EXISTS (SELECT 1 FROM "CheckInChange" AS x
        WHERE x."coupleId" = d."coupleId" AND x."kind" = 'MOVED' AND x."movedTo" = d."occurrenceAt") AS "movedHere"
    FROM "ReminderDelivery" AS d
    JOIN "User" AS u ON u."id" = d."userId"
    JOIN "Couple" AS c ON c."id" = d."coupleId"
    LEFT JOIN "ReminderPreference" AS p ON p."userId" = d."userId"
    LEFT JOIN "CoupleMember" AS m ON m."userId" = d."userId" AND m."coupleId" = d."coupleId"
    LEFT JOIN "CheckInSchedule" AS s ON s."coupleId" = d."coupleId"
    WHERE d."id" = ${rowId} AND d."status" = 'SENDING' AND d."claimedBy" = ${workerId}`;
  return state ?? null;
}

type Decision =
  | { status: "SEND"; timeZone: string; kind: ConversationKind }
  | { status: "SKIPPED"; lastError: string }
  | { status: "FAILED"; failure: "TOO_LATE"; lastError: string };

/** Decided right before sending: anything may have changed since the row was claimed, let alone planned. */
function decide(row: ClaimedDelivery, state: ClaimState, now: Date): Decision {
  const skip = (lastError: string): Decision => ({ status: "SKIPPED", lastError });
  if (!state.emailEnabled || state.unsubscribedAt || !state.leadMinutes?.includes(row.leadMinutes)) {
    return skip("Reminders were turned off for this time.");
  }
  if (!state.emailVerifiedAt) return skip("The email address is not verified.");
  if (!state.memberOf || state.endedAt) return skip("No longer in this couple.");
  const stillOn = conversationStillAt(row.occurrenceAt, state);
  if (!stillOn.on) return skip(stillOn.why);
  if (row.occurrenceAt.getTime() <= now.getTime()) return { status: "FAILED", failure: "TOO_LATE", lastError: "The check-in had begun before it could be sent." };
  const zone = state.readerZone && isValidTimeZone(state.readerZone) ? state.readerZone : (state.timeZone ?? "UTC");
  return { status: "SEND", timeZone: zone, kind: stillOn.kind };
}

/** Whether a conversation still takes place at the row's time, and which (a check-in of the schedule, or the one-off); else why not. */
function conversationStillAt(occurrenceAt: Date, state: ClaimState): { on: true; kind: ConversationKind } | { on: false; why: string } {
  const not = (why: string) => ({ on: false as const, why });
  const { cadence, weekday, localTime, timeZone, startsOn } = state;
  const rule = cadence && weekday !== null && localTime && timeZone && startsOn ? ruleOf({ cadence, weekday, localTime, timeZone, startsOn }) : null;
  const checkInHere = rule !== null && (state.movedHere || (isOccurrenceOf(rule, occurrenceAt) && state.changeHere === null));
  // A one-off that falls on a check-in is that check-in: the reminder names the one the couple keeps.
  if (checkInHere) return { on: true, kind: "check-in" };
  if (state.conversationAt?.getTime() === occurrenceAt.getTime()) return { on: true, kind: "conversation" };
  if (!rule) return not("The conversation's time changed.");
  if (!isOccurrenceOf(rule, occurrenceAt)) return not("The check-in schedule changed.");
  if (state.changeHere === "SKIPPED") return not("This check-in was skipped.");
  return not("This check-in was moved to another time.");
}

async function deliverBatch(batch: ClaimedDelivery[], options: SweepOptions, report: SweepReport): Promise<void> {
  const stopRenewing = renewClaimsUntilStopped(options);
  try {
    // A few sends at once, as many as the mailer keeps connections: each waits on the network.
    const queue = [...batch];
    const lanes = Array.from({ length: Math.min(options.sendConcurrency ?? SEND_CONCURRENCY, queue.length) }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) report[await deliverOne(row, options)] += 1;
    });
    // Every lane finishes before the claims stop being renewed, even when one of them failed.
    const failedLane = (await Promise.allSettled(lanes)).find((lane) => lane.status === "rejected");
    if (failedLane) throw failedLane.reason;
  } finally {
    await stopRenewing();
  }
}

/**
 * Keeps this sweep's claims alive while it works, so a slow sweep keeps them and a stopped one
 * (its process killed) loses them one lease later. A renewal that fails is logged and tried again
 * on the next beat; meanwhile each send checks its row's claim itself (deliverOne).
 */
function renewClaimsUntilStopped(options: SweepOptions): () => Promise<void> {
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  let timer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> = Promise.resolve();
  let stopped = false;
  const renew = async () => {
    try {
      await options.db.reminderDelivery.updateMany({
        where: { status: "SENDING", claimedBy: options.workerId },
        data: { claimedUntil: new Date(options.now().getTime() + leaseMs) },
      });
    } catch (error) {
      console.error("Renewing reminder claims failed; sends pause until a renewal works or the claims run out.", error);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      renewing = renew().finally(() => {
        if (!stopped) schedule();
      });
    }, claimRenewalMs(leaseMs));
    // The sweep's own work keeps the process alive; a renewal alone must not.
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await renewing;
  };
}

async function deliverOne(row: ClaimedDelivery, options: SweepOptions): Promise<Outcome> {
  const { db, workerId } = options;
  const state = await readClaim(db, row.id, workerId);
  // Gone with its account or couple, or taken over: nothing of it is this sweep's to send.
  if (!state) return "skipped";
  const now = options.now();
  if (now.getTime() + leaseLeftToSendMs(options.leaseMs ?? CLAIM_LEASE_MS) > state.claimedUntil.getTime()) {
    // Too little of the claim is left for a send to finish inside it: give the row back untried,
    // rather than risk another sweep taking it over while this send runs.
    await release(db, row, workerId, { status: "PENDING", lastError: null, attempts: row.attempts - 1 });
    return "deferred";
  }
  const decision = decide(row, state, now);
  if (decision.status !== "SEND") {
    // Not an attempt: `attempts` counts sends.
    await release(db, row, workerId, { ...decision, attempts: row.attempts - 1 });
    return decision.status === "FAILED" ? "tooLate" : "skipped";
  }
  try {
    await options.send(
      composeReminder({
        deliveryId: row.id,
        to: state.email,
        userId: row.userId,
        coupleId: row.coupleId,
        occurrenceAt: row.occurrenceAt,
        kind: decision.kind,
        timeZone: decision.timeZone,
        links: options.links,
        now,
      }),
    );
  } catch (error) {
    const lastError = describeError(error);
    // A permanent refusal (5xx) fails at once: retrying would only be refused again.
    if (isPermanentRefusal(error)) {
      await release(db, row, workerId, { status: "FAILED", failure: "REFUSED", lastError });
      return "failed";
    }
    if (row.attempts >= (options.maxAttempts ?? MAX_SEND_ATTEMPTS)) {
      await release(db, row, workerId, { status: "FAILED", failure: "GAVE_UP", lastError });
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
 * When the first claim any sweep holds runs out, if one is held. Dispatchers sweep again then
 * rather than wait for their usual interval, so a killed sweep's reminders go out about one
 * lease after it stopped (run.ts).
 */
export async function nextClaimExpiry(db: Db): Promise<Date | null> {
  const first = await db.reminderDelivery.findFirst({
    where: { status: "SENDING", claimedUntil: { not: null } },
    orderBy: { claimedUntil: "asc" },
    select: { claimedUntil: true },
  });
  return first?.claimedUntil ?? null;
}

/**
 * Ends this sweep's claim, one row at a time, so that a sweep that dies mid-batch leaves at
 * most the emails in flight unrecorded. Guarded by the claim: a row another sweep took over
 * is left to it.
 */
async function release(
  db: Db,
  row: ClaimedDelivery,
  workerId: string,
  data: {
    status: "SENT" | "PENDING" | "FAILED" | "SKIPPED";
    lastError: string | null;
    failure?: "REFUSED" | "GAVE_UP" | "TOO_LATE";
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
