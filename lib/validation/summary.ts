import { z } from "zod";
import { ResponseWish, ShareIntent, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";
import { parsePreviewedDepth } from "@/lib/consent/snapshot";
import { optionalText, postedId, text } from "./fields";
import { SUMMARY_LIMITS } from "./limits";

const CHOOSE_DEPTH = "Choose how much you want to share.";

const depth = z.enum(SummaryDepth, { error: CHOOSE_DEPTH });

/** A group of checkboxes arrives as nothing, one value, or a list. */
const reasons = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(ShareReason, { error: "Choose reasons from the list." })).max(Object.keys(ShareReason).length),
);

const optionalEnum = <T extends Record<string, string>>(values: T, message: string) =>
  z
    .union([z.literal(""), z.enum(values, { error: message })], { error: message })
    .optional()
    .transform((value) => (value ? value : null));

/** One schema for a summary (a share draft), used by the form in the browser and by the server. */
export const summaryInputSchema = z
  .object({
    // The author's own reminder; never part of a snapshot (lib/consent/snapshot.ts).
    privateLabel: optionalText(SUMMARY_LIMITS.privateLabel, `Keep the private label under ${SUMMARY_LIMITS.privateLabel} characters.`),
    title: text("Give the summary a headline.")
      .trim()
      .min(1, "Give the summary a headline.")
      .max(SUMMARY_LIMITS.title, `Keep the headline under ${SUMMARY_LIMITS.title} characters.`),
    body: text("The summary must be text.")
      .trim()
      .max(SUMMARY_LIMITS.body, `Keep the summary under ${SUMMARY_LIMITS.body.toLocaleString("en")} characters.`)
      .default(""),
    depth,
    framing: z.enum(SummaryFraming, { error: "Choose how to frame it." }),
    whyReasons: reasons,
    whyText: optionalText(SUMMARY_LIMITS.whyText, `Keep this under ${SUMMARY_LIMITS.whyText.toLocaleString("en")} characters.`),
    responseWish: optionalEnum(ResponseWish, "Choose how you would like your partner to respond."),
    noteId: z
      .union([z.literal(""), z.uuid({ error: "That note cannot be found." })])
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((input, context) => {
    if (input.depth !== "HEADLINE" && !input.body) {
      context.addIssue({
        code: "custom",
        path: ["body"],
        message: "Write a few lines, or choose to share just the headline.",
      });
    }
  });

type SummaryFormOutput = z.output<typeof summaryInputSchema>;

/** A summary as the data layer takes it. The form always sends the private label; a caller that leaves it out leaves it as it is. */
export type SummaryInput = Omit<SummaryFormOutput, "privateLabel"> & Partial<Pick<SummaryFormOutput, "privateLabel">>;

/** A depth choice as the share step posts it: the depth, bound to the snapshot previewed for it (C10). */
const previewedDepth = text(CHOOSE_DEPTH)
  .transform((value, context) => {
    const chosen = parsePreviewedDepth(value);
    if (chosen) return chosen;
    context.addIssue({ code: "custom", message: CHOOSE_DEPTH });
    return z.NEVER;
  });

/** The reflection step before sharing (C6): both affirmations are required, the depth is chosen again. */
export const shareReflectionSchema = z
  .object({
    summaryId: postedId,
    ownChoice: z.literal("yes", {
      error: "Share only when it is your own choice. Not sharing is always fine.",
    }),
    aboutMe: z.literal("yes", {
      error: "Check that it is about you and your feelings before you share it.",
    }),
    depth: previewedDepth,
    // A form without the choice asks nothing of the partner: the no-obligation intent (C11).
    intent: z.enum(ShareIntent, { error: "Choose whether this is just so you know, or something to talk about." }).default("JUST_SO_YOU_KNOW"),
    reflectionNote: optionalText(
      SUMMARY_LIMITS.reflectionNote,
      `Keep this under ${SUMMARY_LIMITS.reflectionNote} characters.`,
    ),
  })
  .transform(({ depth, ...reflection }) => ({ ...reflection, ...depth }));

type ShareReflectionForm = z.output<typeof shareReflectionSchema>;

/**
 * A share as the data layer takes it: the depth chosen, the fingerprint of what was previewed
 * for it, and what the author asks of the partner (just so you know, when left out).
 */
export type ShareReflection = Omit<ShareReflectionForm, "intent"> & Partial<Pick<ShareReflectionForm, "intent">>;
