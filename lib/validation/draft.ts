import { z } from "zod";
import { parseTargetKey, formOf, type DraftTarget } from "@/lib/drafts/targets";
import { ResponseWish, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";
import { text } from "./fields";
import { NOTE_LIMITS, SUMMARY_LIMITS } from "./limits";

/**
 * What an autosaved draft may hold (decision 036): the form's fields as typed, untrimmed, none
 * required (a draft is half-written by nature), each under the same limit as the form it comes
 * from, and nothing else: an unknown field is refused.
 */
const typed = (max: number, name: string) =>
  text(`${name} must be text.`)
    .max(max, `${name} is longer than the ${max.toLocaleString("en")} characters the form takes.`)
    .default("");

const SESSION_DATE = "The session date must be a date (YYYY-MM-DD).";

const choice = <T extends Record<string, string>>(values: T, message: string) =>
  z.union([z.literal(""), z.enum(values)], { error: message }).default("");

export const noteDraftSchema = z.strictObject({
  title: typed(NOTE_LIMITS.title, "The title"),
  body: typed(NOTE_LIMITS.body, "The note"),
  workingOn: typed(NOTE_LIMITS.workingOn, "What you're working on"),
  sessionDate: z.union([z.literal(""), z.iso.date({ error: SESSION_DATE })], { error: SESSION_DATE }).default(""),
});

export const summaryDraftSchema = z.strictObject({
  privateLabel: typed(SUMMARY_LIMITS.privateLabel, "The private label"),
  title: typed(SUMMARY_LIMITS.title, "The headline"),
  body: typed(SUMMARY_LIMITS.body, "The summary"),
  depth: choice(SummaryDepth, "Choose a depth from the list."),
  framing: choice(SummaryFraming, "Choose a framing from the list."),
  whyReasons: z.array(z.enum(ShareReason, { error: "Choose reasons from the list." })).max(Object.keys(ShareReason).length).default([]),
  whyText: typed(SUMMARY_LIMITS.whyText, "Your own words"),
  responseWish: choice(ResponseWish, "Choose a response from the list."),
});

export type NoteDraft = z.output<typeof noteDraftSchema>;
export type SummaryDraft = z.output<typeof summaryDraftSchema>;

/** A draft as the data layer keeps it: which form, and that form's fields. */
export type DraftInput = { form: "note"; fields: NoteDraft } | { form: "summary"; fields: SummaryDraft };

/** What the browser sends to save a draft: the target's key and the form's fields. */
const draftRequestSchema = z.strictObject(
  {
    target: z.string({ error: "Say which form this draft is for." }).max(80, "That is not one of your forms."),
    fields: z.record(z.string(), z.unknown(), { error: "Send the form's fields." }),
  },
  { error: "Send the form's fields, as JSON." },
);

export type ParsedDraftRequest = { ok: true; target: DraftTarget; draft: DraftInput } | { ok: false; message: string };

/** Reads a draft request's JSON, or says in words what is wrong with it. */
export function parseDraftRequest(json: unknown): ParsedDraftRequest {
  const request = draftRequestSchema.safeParse(json);
  if (!request.success) return { ok: false, message: firstMessage(request.error) };
  const target = parseTargetKey(request.data.target);
  if (!target) return { ok: false, message: "That is not one of your forms." };
  const draft = parseDraftFields(formOf(target), request.data.fields);
  return draft.ok ? { ok: true, target, draft: draft.draft } : draft;
}

/** One form's fields, checked against that form's draft schema. */
export function parseDraftFields(form: "note" | "summary", fields: unknown): { ok: true; draft: DraftInput } | { ok: false; message: string } {
  if (form === "note") {
    const parsed = noteDraftSchema.safeParse(fields);
    return parsed.success ? { ok: true, draft: { form, fields: parsed.data } } : { ok: false, message: firstMessage(parsed.error) };
  }
  const parsed = summaryDraftSchema.safeParse(fields);
  return parsed.success ? { ok: true, draft: { form, fields: parsed.data } } : { ok: false, message: firstMessage(parsed.error) };
}

function firstMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === "unrecognized_keys") return "This draft has a field the form does not have.";
  return issue?.message ?? "This draft could not be read.";
}
