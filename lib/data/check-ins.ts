import "server-only";
import { conversationsAfter, LONGEST_MOVE_DAYS, type Conversation, type ConversationInputs, type OccurrenceChange } from "@/lib/check-ins/conversations";
import { isOccurrenceOf, nextDateOnWeekday, type CheckInRule } from "@/lib/check-ins/occurrences";
import { ruleOf } from "@/lib/check-ins/schedule-rule";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckInScheduleInput } from "@/lib/validation/check-in";
import type { Access } from "./access";
import { getMyCouple, requireMyCouple, type MyCouple } from "./couples";
import { DomainError } from "./errors";

/**
 * The couple's check-in schedule, the occurrences either partner skipped or moved, and the
 * one-off conversation set on the plan (decision 038). Shared by nature: either member of a
 * current couple may read and change them; nobody else learns that they exist.
 */
export type MyCheckIn = {
  coupleId: string;
  partnerName: string | null;
  schedule: (CheckInRule & { updatedAt: Date }) | null;
  /** Changes to occurrences that are still ahead, each with who made it ("you" or the partner's name). */
  changes: (OccurrenceChange & { changedBy: string | null })[];
  oneOffAt: Date | null;
  /** The reader's own zone, when known: times on their pages are shown in it. */
  myTimeZone: string | null;
};

/** What decides the couple's conversations, for the functions in lib/check-ins/conversations.ts. */
export function conversationInputs(checkIn: Pick<MyCheckIn, "schedule" | "changes" | "oneOffAt">): ConversationInputs {
  return { rule: checkIn.schedule, changes: checkIn.changes, oneOffAt: checkIn.oneOffAt };
}

/** The zone to show the reader a time in: their own, else the schedule's, else UTC (always named). */
export function readingZone(checkIn: Pick<MyCheckIn, "schedule" | "myTimeZone">): string {
  return checkIn.myTimeZone ?? checkIn.schedule?.timeZone ?? "UTC";
}

/** Changes that can still matter: to an occurrence ahead, or moved to a time ahead. */
function changesStillAhead(coupleId: string, now: Date): Prisma.CheckInChangeWhereInput {
  return { coupleId, OR: [{ occurrenceAt: { gt: now } }, { movedTo: { gt: now } }] };
}

/**
 * Null when the acting user is not in a couple. One statement after the couple's (the plan page
 * counts them): the schedule, the changes ahead and the reader's own zone, read through their
 * membership of this couple.
 */
export async function getMyCheckIn(access: Access, now = new Date()): Promise<MyCheckIn | null> {
  const couple = await getMyCouple(access);
  if (!couple) return null;
  const membership = await access.db.coupleMember.findUnique({
    where: { userId: access.userId, coupleId: couple.id },
    select: {
      user: { select: { timeZone: true } },
      couple: {
        select: {
          checkIn: true,
          checkInChanges: {
            where: changesStillAhead(couple.id, now),
            orderBy: { occurrenceAt: "asc" },
            select: { occurrenceAt: true, kind: true, movedTo: true, changedById: true },
          },
        },
      },
    },
  });
  // Left the couple since it was read: as if never in it.
  if (!membership) return null;
  const { user: me, couple: { checkIn: schedule, checkInChanges: changes } } = membership;
  const nameOf = (userId: string | null) =>
    userId === access.userId ? "you" : userId && userId === couple.partner?.id ? couple.partner.displayName : null;
  return {
    coupleId: couple.id,
    partnerName: couple.partner?.displayName ?? null,
    schedule: schedule ? { ...ruleOf(schedule), updatedAt: schedule.updatedAt } : null,
    changes: changes.map(({ changedById, ...change }) => ({ ...change, changedBy: nameOf(changedById) })),
    oneOffAt: couple.conversationAt,
    myTimeZone: me.timeZone,
  };
}

/**
 * Sets the couple's schedule. A fortnightly rhythm keeps its weeks when only the time or zone
 * changes; a new day starts from its next date. Skips and moves belonged to the old times and
 * are dropped with them, and so are reminders already planned (the sweep plans the new ones,
 * and skips any it had already claimed).
 */
export async function saveCheckInSchedule(access: Access, input: CheckInScheduleInput, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  await access.db.$transaction(async (tx) => {
    const existing = await tx.checkInSchedule.findUnique({ where: { coupleId: couple.id } });
    const keepsRhythm = existing && existing.weekday === input.weekday && existing.cadence === input.cadence;
    const startsOn = keepsRhythm ? existing.startsOn : new Date(`${nextDateOnWeekday(input.weekday, input.timeZone, now)}T00:00:00.000Z`);
    await tx.checkInSchedule.upsert({
      where: { coupleId: couple.id },
      create: { coupleId: couple.id, ...input, startsOn },
      update: { ...input, startsOn },
    });
    await tx.checkInChange.deleteMany({ where: { coupleId: couple.id } });
    await tx.reminderDelivery.deleteMany({ where: { coupleId: couple.id, status: "PENDING" } });
  });
}

const GONE = "That check-in is not on your schedule any more. Reload the page to see the current times.";
const PASSED = "That check-in has already begun, so it can no longer be changed.";

/**
 * Reads, under a lock on the couple (one change at a time), the occurrence a partner wants to
 * change: it must be one the current schedule plans, and still ahead (where it now takes place).
 */
async function lockOccurrence(tx: Prisma.TransactionClient, couple: MyCouple, plannedAt: Date, now: Date) {
  await tx.$queryRaw`SELECT "id" FROM "Couple" WHERE "id" = ${couple.id} FOR NO KEY UPDATE`;
  const [schedule, changes] = await Promise.all([
    tx.checkInSchedule.findUnique({ where: { coupleId: couple.id } }),
    tx.checkInChange.findMany({ where: changesStillAhead(couple.id, now), select: { occurrenceAt: true, kind: true, movedTo: true } }),
  ]);
  if (!schedule || !isOccurrenceOf(ruleOf(schedule), plannedAt)) throw new DomainError("not-found", GONE);
  const change = changes.find((candidate) => candidate.occurrenceAt.getTime() === plannedAt.getTime()) ?? null;
  const takesPlaceAt = change?.kind === "MOVED" && change.movedTo ? change.movedTo : plannedAt;
  if (change?.kind !== "SKIPPED" && takesPlaceAt.getTime() <= now.getTime()) throw new DomainError("conflict", PASSED);
  if (change?.kind === "SKIPPED" && plannedAt.getTime() <= now.getTime()) throw new DomainError("conflict", PASSED);
  return { inputs: { rule: ruleOf(schedule), changes, oneOffAt: couple.conversationAt }, change };
}

/** Reminders planned for the old times are dropped; the sweep plans the new ones and skips any it already claimed (decision 028). */
async function replanReminders(tx: Prisma.TransactionClient, coupleId: string): Promise<void> {
  await tx.reminderDelivery.deleteMany({ where: { coupleId, status: "PENDING" } });
}

/** Either partner skips one occurrence; the schedule itself is unchanged, and neither partner is reminded of it. */
export async function skipOccurrence(access: Access, plannedAt: Date, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  await access.db.$transaction(async (tx) => {
    const { change } = await lockOccurrence(tx, couple, plannedAt, now);
    if (change?.kind === "SKIPPED") throw new DomainError("conflict", "That check-in is already skipped.");
    const data = { kind: "SKIPPED" as const, movedTo: null, changedById: access.userId, changedAt: now };
    await tx.checkInChange.upsert({
      where: { coupleId_occurrenceAt: { coupleId: couple.id, occurrenceAt: plannedAt } },
      create: { coupleId: couple.id, occurrenceAt: plannedAt, ...data },
      update: data,
    });
    await replanReminders(tx, couple.id);
  });
}

/**
 * Either partner moves one occurrence to another time, up to four weeks either side of when it
 * was planned and not onto another conversation; both partners' reminders follow it. Moving it
 * back to its planned time undoes the move.
 */
export async function moveOccurrence(access: Access, plannedAt: Date, to: Date, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  await access.db.$transaction(async (tx) => {
    const { inputs } = await lockOccurrence(tx, couple, plannedAt, now);
    if (to.getTime() <= now.getTime()) throw new DomainError("invalid", "Choose a time that is still ahead.");
    const window = LONGEST_MOVE_DAYS * 24 * 60 * 60_000;
    if (Math.abs(to.getTime() - plannedAt.getTime()) > window) {
      throw new DomainError("invalid", `Choose a time within ${LONGEST_MOVE_DAYS / 7} weeks of when this check-in was planned.`);
    }
    const others = inputs.changes.filter((change) => change.occurrenceAt.getTime() !== plannedAt.getTime());
    const clash = conversationsAfter({ ...inputs, changes: [...others, { occurrenceAt: plannedAt, kind: "SKIPPED", movedTo: null }] }, new Date(to.getTime() - 1), 1)[0];
    if (clash && clash.at.getTime() === to.getTime()) throw new DomainError("invalid", "Another conversation is already at that time. Choose another.");
    const key = { coupleId_occurrenceAt: { coupleId: couple.id, occurrenceAt: plannedAt } };
    if (to.getTime() === plannedAt.getTime()) {
      await tx.checkInChange.deleteMany({ where: { coupleId: couple.id, occurrenceAt: plannedAt } });
    } else {
      const data = { kind: "MOVED" as const, movedTo: to, changedById: access.userId, changedAt: now };
      await tx.checkInChange.upsert({ where: key, create: { coupleId: couple.id, occurrenceAt: plannedAt, ...data }, update: data });
    }
    await replanReminders(tx, couple.id);
  });
}

/** Either partner puts a skipped or moved occurrence back at the time the schedule planned. */
export async function restoreOccurrence(access: Access, plannedAt: Date, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  await access.db.$transaction(async (tx) => {
    const { change } = await lockOccurrence(tx, couple, plannedAt, now);
    if (!change) throw new DomainError("conflict", "That check-in is already at its usual time.");
    if (plannedAt.getTime() <= now.getTime()) throw new DomainError("conflict", "Its usual time has passed, so it cannot go back there.");
    await tx.checkInChange.deleteMany({ where: { coupleId: couple.id, occurrenceAt: plannedAt } });
    await replanReminders(tx, couple.id);
  });
}

/** The next conversation the plan is for, or null when none is set. */
export function nextConversation(checkIn: MyCheckIn, now = new Date()): Conversation | null {
  return conversationsAfter(conversationInputs(checkIn), now, 1)[0] ?? null;
}
