"use client";

import { useRef } from "react";
import { useDraftAutosave } from "@/components/drafts/autosave";
import { useDraftedFormAction } from "@/components/drafts/drafted-form-action";
import { DraftStatus } from "@/components/drafts/draft-status";
import type { FormState } from "@/lib/actions/form-state";
import { NOTE_LIMITS } from "@/lib/validation/limits";
import { InputField, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export type NoteFormValues = { id?: string; title: string; body: string; workingOn: string; sessionDate: string };

/** The fields a note's draft keeps (lib/validation/draft.ts). */
const DRAFT_FIELDS = ["title", "body", "workingOn", "sessionDate"] as const;

type NoteFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: NoteFormValues;
  submitLabel: string;
  /** A create form's one-time key: sending it twice makes one note (lib/data/submissions.ts). */
  formKey?: string;
  /** Which draft this form keeps as the person writes (lib/drafts/targets.ts), and when the one it opened with was saved. */
  autosave: { target: string; restoredAt: string | null };
};

export function NoteForm({ action, initial, submitLabel, formKey, autosave }: NoteFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const draft = useDraftAutosave({ ...autosave, form, fields: DRAFT_FIELDS });
  const { state, formAction, submissionKey } = useDraftedFormAction(action, draft, formKey);
  const values = state.status === "error" ? { ...initial, ...state.values } : initial;
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={form} action={formAction} onInput={draft.changed} className="space-y-5" noValidate>
      <FormAlert state={state} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {submissionKey ? <input type="hidden" name="formKey" value={submissionKey} /> : null}
      <InputField
        name="title"
        label="Title"
        required
        maxLength={NOTE_LIMITS.title}
        defaultValue={values.title}
        errors={errors.title}
      />
      <InputField
        name="sessionDate"
        label="Session date (optional)"
        type="date"
        defaultValue={values.sessionDate}
        errors={errors.sessionDate}
      />
      <InputField
        name="workingOn"
        label="What I'm working on (optional)"
        hint="A theme you and your therapist keep returning to, in your own words."
        maxLength={NOTE_LIMITS.workingOn}
        defaultValue={values.workingOn}
        errors={errors.workingOn}
      />
      <TextAreaField
        name="body"
        label="Note"
        rows={10}
        maxLength={NOTE_LIMITS.body}
        defaultValue={values.body}
        errors={errors.body}
      />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      <DraftStatus status={draft.status} />
    </form>
  );
}
