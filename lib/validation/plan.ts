import { DateTime } from "luxon";
import { z } from "zod";
import { optionalText, text } from "./fields";
import { PLAN_LIMITS } from "./limits";

export const topicInputSchema = z.object({
  title: text("Name the topic.")
    .trim()
    .min(1, "Name the topic.")
    .max(PLAN_LIMITS.topicTitle, `Keep the topic under ${PLAN_LIMITS.topicTitle} characters.`),
  detail: optionalText(PLAN_LIMITS.topicDetail, `Keep the detail under ${PLAN_LIMITS.topicDetail.toLocaleString("en")} characters.`),
});

/**
 * A one-off conversation's date and time as typed, in the zone chosen beside it (the reader's
 * own by default), or empty to clear it.
 */
export const conversationTimeSchema = z
  .object({
    conversationAt: z.union([z.literal(""), text("Enter a date and time.").regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time.")], {
      error: "Enter a date and time.",
    }),
    timeZone: text("Choose a time zone.").trim().max(64).optional(),
  })
  .transform((input, context) => {
    if (!input.conversationAt) return { conversationAt: null };
    if (input.timeZone && !DateTime.local().setZone(input.timeZone).isValid) {
      context.addIssue({ code: "custom", path: ["timeZone"], message: "Choose a time zone from the list." });
      return z.NEVER;
    }
    const zone = input.timeZone || "UTC";
    const local = DateTime.fromISO(input.conversationAt, { zone });
    if (!local.isValid || local.year < 2000 || local.year > 2100) {
      context.addIssue({ code: "custom", path: ["conversationAt"], message: "Enter a real date and time." });
      return z.NEVER;
    }
    return { conversationAt: local.toJSDate() };
  });
