import { z } from "zod";
import { optionalCalendarDate, optionalText, text } from "./fields";
import { NOTE_LIMITS } from "./limits";

/** One schema for a private note, used by the form in the browser and by the server. */
export const noteInputSchema = z.object({
  title: text("Give the note a title.")
    .trim()
    .min(1, "Give the note a title.")
    .max(NOTE_LIMITS.title, `Keep the title under ${NOTE_LIMITS.title} characters.`),
  body: text("The note must be text.")
    .trim()
    .max(NOTE_LIMITS.body, `Keep the note under ${NOTE_LIMITS.body.toLocaleString("en")} characters.`)
    .default(""),
  workingOn: optionalText(NOTE_LIMITS.workingOn, `Keep this under ${NOTE_LIMITS.workingOn} characters.`),
  sessionDate: optionalCalendarDate,
});

export type NoteInput = z.output<typeof noteInputSchema>;
