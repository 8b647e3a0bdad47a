import { z } from "zod";
import { linesFromText } from "@/lib/conversation/guide";
import { CONVERSATION_LIMITS } from "@/lib/conversation/limits";
import { PAUSE_MINUTES } from "@/lib/conversation/pause";
import { optionalText, postedId, text } from "./fields";

/** The stop a person saw when they pressed a button: "opening:<n>" or "item:<id>". */
export const seenPosition = text("Missing place in the conversation.").trim().min(1, "Missing place in the conversation.").max(80, "Unknown place in the conversation.");

export const moveSchema = z.object({
  from: seenPosition,
  direction: z.enum(["next", "previous"], { error: "Choose next or previous." }),
});

export const passTurnSchema = z.object({ from: seenPosition });

export const markDiscussedSchema = z.object({ itemId: postedId });

export const pauseSchema = z.object({
  minutes: z.enum(PAUSE_MINUTES.map(String) as [string, ...string[]], { error: "Choose how long the pause lasts." }).transform((value) => Number(value) as (typeof PAUSE_MINUTES)[number]),
});

export const closeSchema = z.object({
  agreedLine: optionalText(CONVERSATION_LIMITS.agreedLine, `Keep what you agreed under ${CONVERSATION_LIMITS.agreedLine} characters.`),
});

/** Lines typed one a line; `atLeastOne` names what to say when none are left. */
function guideLines(atLeastOne: string | null) {
  return text("Write one line each.").transform((value, context) => {
    const lines = linesFromText(value);
    if (atLeastOne && lines.length === 0) context.addIssue({ code: "custom", message: atLeastOne });
    if (lines.length > CONVERSATION_LIMITS.guideLines) context.addIssue({ code: "custom", message: `Keep to ${CONVERSATION_LIMITS.guideLines} lines or fewer.` });
    if (lines.some((line) => line.length > CONVERSATION_LIMITS.guideLine)) {
      context.addIssue({ code: "custom", message: `Keep each line under ${CONVERSATION_LIMITS.guideLine} characters.` });
    }
    return lines;
  });
}

/** Opening steps may all go (straight to the agenda); at least one ground rule stays. */
export const proposeGuideSchema = z.object({
  steps: guideLines(null),
  rules: guideLines("Keep at least one ground rule."),
});

export const acceptGuideSchema = z.object({
  seenAt: text("Missing proposal.").pipe(z.iso.datetime({ error: "Missing proposal." })).transform((value) => new Date(value)),
});

export const reflectionSchema = z.object({
  body: text("Write your reflection.")
    .trim()
    .min(1, "Write your reflection, or leave this page: nothing is saved until you do.")
    .max(CONVERSATION_LIMITS.reflection, `Keep your reflection under ${CONVERSATION_LIMITS.reflection.toLocaleString("en")} characters.`),
  forNextSession: z.literal("on").optional().transform((value) => value === "on"),
  conversationId: z.uuid().optional().catch(undefined).transform((value) => value ?? null),
});

export const reflectionIdSchema = z.object({ reflectionId: postedId });

export const nextSessionSchema = z.object({
  reflectionId: postedId,
  forNextSession: z.enum(["yes", "no"], { error: "Choose on the list or off it." }),
});
