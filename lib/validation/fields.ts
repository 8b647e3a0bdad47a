import { z } from "zod";

export const NUL_IN_TEXT = "This text contains an invisible NUL character (often from a copy and paste), which cannot be saved. Remove it and try again.";

/**
 * Every text field starts here: text without the NUL character (U+0000), which PostgreSQL
 * cannot store and which no person types, so it gets a message on its field instead of a failure.
 */
export function text(error: string) {
  return z.string({ error }).refine((value) => !value.includes("\u0000"), NUL_IN_TEXT);
}

/** Optional free text: trimmed, and stored as null when left empty. */
export function optionalText(max: number, tooLong: string) {
  return text("This field must be text.")
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));
}

/** Record ids are UUIDs; anything else can only be forged and is treated as not found. */
export const recordId = z.uuid();

/** An optional calendar date from an <input type="date">, as a UTC midnight Date. */
export const optionalCalendarDate = z
  .union([z.literal(""), z.iso.date({ error: "Enter a date as YYYY-MM-DD." })], {
    error: "Enter a date as YYYY-MM-DD.",
  })
  .optional()
  .transform((value) => (value ? new Date(`${value}T00:00:00.000Z`) : null))
  .refine(
    (date) => date === null || (date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2100),
    "Enter a date between 1900 and 2100.",
  );

/** An id posted back by a form. Its owner is checked by the data layer; here only its shape. */
export const postedId = text("Missing item.").trim().min(1, "Missing item.").max(64, "Unknown item.");

/**
 * The one-time key a create form is rendered with (lib/data/submissions.ts). Only a forged
 * request sends anything but a UUID; it is then ignored, and the item is simply created.
 */
export const formKey = z.uuid().optional().catch(undefined);
