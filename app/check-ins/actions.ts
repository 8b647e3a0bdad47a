"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { LEAD_TIME_OPTIONS } from "@/lib/check-ins/lead-times";
import { moveOccurrence, restoreOccurrence, saveCheckInSchedule, skipOccurrence } from "@/lib/data/check-ins";
import { saveMyReminderPreferences } from "@/lib/data/reminder-preferences";
import { checkInScheduleSchema, moveOccurrenceSchema, occurrenceSchema, reminderPreferencesSchema } from "@/lib/validation/check-in";

/** A change to when the couple talks shows on both pages that say it (decision 038). */
function changedWhen(message: string): FormState {
  revalidatePath("/check-ins");
  revalidatePath("/plan");
  return { status: "ok", message };
}

export const saveScheduleAction = userFormAction(checkInScheduleSchema, async (access, input): Promise<FormState> => {
  await saveCheckInSchedule(access, input);
  return changedWhen("Saved. Your partner sees the same check-in.");
}, { redisplay: ["cadence", "weekday", "localTime", "timeZone"] });

export const skipOccurrenceAction = userFormAction(occurrenceSchema, async (access, { occurrenceAt }): Promise<FormState> => {
  await skipOccurrence(access, occurrenceAt);
  return changedWhen("Skipped. Neither of you will be reminded of it; the rest of the schedule stays.");
});

export const moveOccurrenceAction = userFormAction(moveOccurrenceSchema, async (access, { occurrenceAt, movedTo }): Promise<FormState> => {
  await moveOccurrence(access, occurrenceAt, movedTo);
  return changedWhen("Moved. Your partner sees the new time, and reminders follow it.");
}, { redisplay: ["movedTo", "timeZone"] });

export const restoreOccurrenceAction = userFormAction(occurrenceSchema, async (access, { occurrenceAt }): Promise<FormState> => {
  await restoreOccurrence(access, occurrenceAt);
  return changedWhen("Back at its usual time.");
});

export const saveReminderPreferencesAction = userFormAction(reminderPreferencesSchema, async (access, input): Promise<FormState> => {
  await saveMyReminderPreferences(access, input);
  revalidatePath("/check-ins");
  return { status: "ok", message: input.emailEnabled ? "Saved. Your reminders are on." : "Saved. Reminders are off." };
}, { redisplay: ["emailEnabled", ...LEAD_TIME_OPTIONS.map((option) => option.field)] });
