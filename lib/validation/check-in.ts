import { z } from "zod";
import { localInputToInstant } from "@/lib/check-ins/conversations";
import { LEAD_TIME_OPTIONS } from "@/lib/check-ins/lead-times";
import { isValidTimeZone } from "@/lib/check-ins/occurrences";
import { text } from "./fields";

const zoneField = text("Choose a time zone.")
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "Choose a time zone from the list.")
  .refine(isValidTimeZone, "Choose a time zone from the list.");

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
  timeZone: zoneField,
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

/** A person's own time zone, chosen on /account or reported by their browser. */
export const myTimeZoneSchema = z.object({ timeZone: zoneField });

/** One occurrence of the schedule, named by the instant it was planned for (as the page posts it). */
const plannedAt = text("That check-in is not on your schedule any more.")
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value)), "That check-in is not on your schedule any more.")
  .transform((value) => new Date(value));

export const occurrenceSchema = z.object({ occurrenceAt: plannedAt });

/** Moving one occurrence: the new date and time as typed, in the zone chosen beside it. */
export const moveOccurrenceSchema = z
  .object({
    occurrenceAt: plannedAt,
    movedTo: text("Enter a date and time.").regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time."),
    timeZone: zoneField,
  })
  .transform((input, context) => {
    const movedTo = localInputToInstant(input.movedTo, input.timeZone);
    if (!movedTo) {
      context.addIssue({ code: "custom", path: ["movedTo"], message: "Enter a real date and time." });
      return z.NEVER;
    }
    return { occurrenceAt: input.occurrenceAt, movedTo };
  });
