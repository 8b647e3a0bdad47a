import "server-only";
import type { DeliveryFailure } from "@/lib/generated/prisma/enums";
import type { ReminderPreferencesInput } from "@/lib/validation/check-in";
import type { Access } from "./access";

/**
 * Each person's own reminder settings and delivery state. Keyed by the acting user alone:
 * a partner shares the schedule but never sees whether the other gets reminders, when, or
 * whether one failed.
 */
export type MyReminderSettings = {
  emailEnabled: boolean;
  leadMinutes: number[];
  unsubscribedAt: Date | null;
  /**
   * The most recent reminder that was given up on, if it is newer than the last one sent, and why:
   * refused for good by the mail server, out of attempts, or too late (the check-in had begun).
   */
  lastFailure: { occurrenceAt: Date; leadMinutes: number; reason: DeliveryFailure } | null;
  /** A reminder that failed and will be tried again. */
  retrying: { occurrenceAt: Date; nextAttemptAt: Date } | null;
};

export async function getMyReminderSettings(access: Access): Promise<MyReminderSettings> {
  const mine = { userId: access.userId };
  const [preference, lastFinished, retrying] = await Promise.all([
    access.db.reminderPreference.findUnique({ where: mine }),
    access.db.reminderDelivery.findFirst({
      where: { ...mine, status: { in: ["SENT", "FAILED"] } },
      orderBy: [{ dueAt: "desc" }, { id: "asc" }],
      select: { status: true, occurrenceAt: true, leadMinutes: true, failure: true },
    }),
    access.db.reminderDelivery.findFirst({
      where: { ...mine, status: "PENDING", attempts: { gt: 0 } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      select: { occurrenceAt: true, nextAttemptAt: true },
    }),
  ]);
  return {
    emailEnabled: preference?.emailEnabled ?? false,
    leadMinutes: preference?.leadMinutes ?? [],
    unsubscribedAt: preference?.unsubscribedAt ?? null,
    lastFailure:
      lastFinished?.status === "FAILED"
        ? // A row failed without a recorded reason was given up on after its retries (as before reasons were kept).
          { occurrenceAt: lastFinished.occurrenceAt, leadMinutes: lastFinished.leadMinutes, reason: lastFinished.failure ?? "GAVE_UP" }
        : null,
    retrying,
  };
}

/** Opting in again clears an earlier unsubscribe; reminders no longer wanted are not sent. */
export async function saveMyReminderPreferences(access: Access, input: ReminderPreferencesInput): Promise<void> {
  await access.db.$transaction([
    access.db.reminderPreference.upsert({
      where: { userId: access.userId },
      create: { userId: access.userId, ...input },
      update: { ...input, ...(input.emailEnabled ? { unsubscribedAt: null } : {}) },
    }),
    access.db.reminderDelivery.deleteMany({
      where: {
        userId: access.userId,
        status: "PENDING",
        ...(input.emailEnabled ? { leadMinutes: { notIn: input.leadMinutes } } : {}),
      },
    }),
  ]);
}

/** The one-click unsubscribe: reminders stop until the person opts in again. False when the account is gone. */
export async function unsubscribeFromReminders(access: Access, now = new Date()): Promise<boolean> {
  const exists = await access.db.user.count({ where: { id: access.userId } });
  if (!exists) return false;
  await access.db.$transaction([
    access.db.reminderPreference.upsert({
      where: { userId: access.userId },
      create: { userId: access.userId, emailEnabled: false, leadMinutes: [], unsubscribedAt: now },
      update: { emailEnabled: false, unsubscribedAt: now },
    }),
    access.db.reminderDelivery.deleteMany({ where: { userId: access.userId, status: "PENDING" } }),
  ]);
  return true;
}
