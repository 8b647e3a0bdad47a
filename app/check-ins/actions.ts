"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { LEAD_TIME_OPTIONS } from "@/lib/check-ins/lead-times";
import { saveCheckInSchedule } from "@/lib/data/check-ins";
import { saveMyReminderPreferences } from "@/lib/data/reminder-preferences";
import { checkInScheduleSchema, reminderPreferencesSchema } from "@/lib/validation/check-in";

export const saveScheduleAction = userFormAction(checkInScheduleSchema, async (access, input): Promise<FormState> => {
  await saveCheckInSchedule(access, input);
  revalidatePath("/check-ins");
  return { status: "ok", message: "Saved. Your partner sees the same check-in." };
}, { redisplay: ["cadence", "weekday", "localTime", "timeZone"] });

export const saveReminderPreferencesAction = userFormAction(reminderPreferencesSchema, async (access, input): Promise<FormState> => {
  await saveMyReminderPreferences(access, input);
  revalidatePath("/check-ins");
  return { status: "ok", message: input.emailEnabled ? "Saved. Your reminders are on." : "Saved. Reminders are off." };
}, { redisplay: ["emailEnabled", ...LEAD_TIME_OPTIONS.map((option) => option.field)] });
