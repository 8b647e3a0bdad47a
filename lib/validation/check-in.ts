import { z } from "zod";
import { LEAD_TIME_OPTIONS } from "@/lib/check-ins/lead-times";
import { isValidTimeZone } from "@/lib/check-ins/occurrences";
import { text } from "./fields";

/** The couple's check-in schedule, as the form sends it and the server checks it. */
export const checkInScheduleSchema = z.object({
  cadence: z.enum(["WEEKLY", "FORTNIGHTLY"], { error: "Choose every week or every two weeks." }),
  weekday: z.coerce
    .number({ error: "Choose a day of the week." })
    .int("Choose a day of the week.")
    .min(1, "Choose a day of the week.")
    .max(7, "Choose a day of the week."),
  localTime: text("Enter a time, e.g. 19:30.")
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as hours and minutes, e.g. 19:30."),
  timeZone: text("Choose a time zone.")
    .trim()
    .min(1, "Choose a time zone.")
    .max(64, "Choose a time zone from the list.")
    .refine(isValidTimeZone, "Choose a time zone from the list."),
});

export type CheckInScheduleInput = z.output<typeof checkInScheduleSchema>;

const checkbox = z
  .literal("on", { error: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value === "on");

/** My own reminder settings: off until I opt in, and at least one time when on. */
export const reminderPreferencesSchema = z
  .object({
    emailEnabled: checkbox,
    leadDay: checkbox,
    leadHour: checkbox,
    leadQuarter: checkbox,
  })
  .transform((form) => ({
    emailEnabled: form.emailEnabled,
    leadMinutes: LEAD_TIME_OPTIONS.filter((option) => form[option.field]).map((option) => option.minutes),
  }))
  .refine((input) => !input.emailEnabled || input.leadMinutes.length > 0, {
    message: "Choose at least one time to be reminded, or turn reminders off.",
    path: ["leadMinutes"],
  });

export type ReminderPreferencesInput = z.output<typeof reminderPreferencesSchema>;
