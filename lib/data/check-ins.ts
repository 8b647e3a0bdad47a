import "server-only";
import { nextDateOnWeekday, type CheckInRule } from "@/lib/check-ins/occurrences";
import { ruleOf } from "@/lib/check-ins/schedule-rule";
import type { CheckInScheduleInput } from "@/lib/validation/check-in";
import type { Access } from "./access";
import { getMyCouple, requireMyCouple } from "./couples";

/**
 * The couple's check-in schedule. It is shared by nature: either member of a current couple
 * may read and change it; nobody else learns that it exists.
 */
export type MyCheckIn = {
  coupleId: string;
  partnerName: string | null;
  schedule: (CheckInRule & { updatedAt: Date }) | null;
};

/** Null when the acting user is not in a couple. */
export async function getMyCheckIn(access: Access): Promise<MyCheckIn | null> {
  const couple = await getMyCouple(access);
  if (!couple) return null;
  const schedule = await access.db.checkInSchedule.findUnique({ where: { coupleId: couple.id } });
  return {
    coupleId: couple.id,
    partnerName: couple.partner?.displayName ?? null,
    schedule: schedule ? { ...ruleOf(schedule), updatedAt: schedule.updatedAt } : null,
  };
}

/**
 * Sets the couple's schedule. A fortnightly rhythm keeps its weeks when only the time or zone
 * changes; a new day starts from its next date. Reminders already planned for the old times
 * are dropped (the sweep plans the new ones, and skips any it had already claimed).
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
    await tx.reminderDelivery.deleteMany({ where: { coupleId: couple.id, status: "PENDING" } });
  });
}
