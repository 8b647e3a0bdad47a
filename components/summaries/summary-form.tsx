"use client";

import { useEffect, useRef, useState } from "react";
import { useDraftAutosave } from "@/components/drafts/autosave";
import { useDraftedFormAction } from "@/components/drafts/drafted-form-action";
import { DraftStatus } from "@/components/drafts/draft-status";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { InputField, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { DEPTHS, FRAMINGS, RESPONSE_WISHES, SHARE_REASONS } from "@/lib/content/guidance";
import { SUMMARY_LIMITS } from "@/lib/validation/limits";
import { audienceHint } from "./audience";
import { DraftPreview, snapshotOfForm } from "./draft-preview";
import { toneOf, ToneWhileWriting, type ToneNow } from "./tone-while-writing";
import type { Snapshot } from "@/lib/consent/shared-words";

/** How long typing pauses before the tone check and the preview catch up. */
const TONE_CHECK_PAUSE_MS = 400;

/** The fields a summary's draft keeps (lib/validation/draft.ts); whyReasons is a group of checkboxes. */
const DRAFT_FIELDS = ["privateLabel", "title", "body", "depth", "framing", "whyReasons", "whyText", "responseWish"] as const;
const DRAFT_LISTS = ["whyReasons"] as const;

export type SummaryFormValues = {
  id?: string;
  noteId: string;
  privateLabel: string;
  title: string;
  body: string;
  depth: string;
  framing: string;
  whyReasons: string[];
  whyText: string;
  responseWish: string;
};

type SummaryFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: SummaryFormValues;
  submitLabel: string;
  /** A create form's one-time key: sending it twice makes one summary (lib/data/submissions.ts). */
  formKey?: string;
  /** Where saving returns to: the share step, when the author came from there to rephrase. */
  returnTo?: "share";
  /** The author's name, as the partner would read it in the preview. */
  authorName: string;
  /** Which draft this form keeps as the person writes (lib/drafts/targets.ts), and when the one it opened with was saved. */
  autosave: { target: string; restoredAt: string | null };
};

/** Writing a summary shares nothing: sharing is a separate, deliberate step. */
export function SummaryForm({ action, initial, submitLabel, formKey, returnTo, authorName, autosave }: SummaryFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const draft = useDraftAutosave({ ...autosave, form, fields: DRAFT_FIELDS, lists: DRAFT_LISTS });
  const { state, formAction, submissionKey } = useDraftedFormAction(action, draft, formKey);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [tone, setTone] = useState<ToneNow>({ suggestion: null, triggers: [] });
  const [preview, setPreview] = useState<Snapshot | null>(null);
  const checkToneSoon = () => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      if (!form.current) return;
      setTone(toneOf(form.current));
      setPreview(snapshotOfForm(form.current));
    }, TONE_CHECK_PAUSE_MS);
  };
  // The words already there (an edit, a redisplay) are checked once the form is on screen.
  useEffect(() => {
    checkToneSoon();
    return () => clearTimeout(pending.current);
  }, []);
  const values = state.status === "error" ? { ...initial, ...state.values } : initial;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  return (
    <form
      ref={form}
      action={formAction}
      onInput={() => {
        checkToneSoon();
        draft.changed();
      }}
      className="space-y-6"
      noValidate
    >
      <FormAlert state={state} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {submissionKey ? <input type="hidden" name="formKey" value={submissionKey} /> : null}
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <input type="hidden" name="noteId" value={initial.noteId} />
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Saving shares nothing. Fields marked for your partner are what they would read if you later choose to share.
      </p>
      <InputField
        name="privateLabel"
        label="Private label (optional)"
        hint={audienceHint("only-me", "A reminder for yourself, such as “not ready yet”. It shows in your own list, never to your partner.")}
        maxLength={SUMMARY_LIMITS.privateLabel}
        defaultValue={text(values.privateLabel)}
        errors={errors.privateLabel}
      />
      <InputField
        name="title"
        label="Headline"
        hint={audienceHint("partner", "One line they would read first.")}
        required
        maxLength={SUMMARY_LIMITS.title}
        defaultValue={text(values.title)}
        errors={errors.title}
      />
      <TextAreaField
        name="body"
        label="What you might share"
        hint={audienceHint("partner", "Write it about you: what you noticed, what you feel, what you are trying. Not shared when you share only the headline.")}
        rows={6}
        maxLength={SUMMARY_LIMITS.body}
        defaultValue={text(values.body)}
        errors={errors.body}
      />
      <ToneWhileWriting tone={tone} />
      <ChoiceGroup name="depth" legend="How much of it" hint={audienceHint("partner", "They are told how much you chose to share.")} type="radio" choices={DEPTHS} selected={values.depth} errors={errors.depth} />
      <ChoiceGroup name="framing" legend="How to frame it" hint={audienceHint("partner")} type="radio" choices={FRAMINGS} selected={values.framing} errors={errors.framing} />
      <ChoiceGroup
        name="whyReasons"
        legend="Why I want to share (optional)"
        hint={audienceHint("partner")}
        type="checkbox"
        choices={SHARE_REASONS}
        selected={values.whyReasons}
        errors={errors.whyReasons}
      />
      <TextAreaField
        name="whyText"
        label="In my own words (optional)"
        hint={audienceHint("partner")}
        rows={2}
        maxLength={SUMMARY_LIMITS.whyText}
        defaultValue={text(values.whyText)}
        errors={errors.whyText}
      />
      <ChoiceGroup
        name="responseWish"
        legend="How I'd like you to respond (optional)"
        hint={audienceHint("partner")}
        type="radio"
        choices={RESPONSE_WISHES}
        selected={values.responseWish}
        noneLabel="No preference"
        errors={errors.responseWish}
      />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      <DraftStatus status={draft.status} />
      {/* After the button: the preview grows as you write, and must not push Save away from the focus. */}
      <DraftPreview snapshot={preview} authorName={authorName} />
    </form>
  );
}
