"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { ButtonTone } from "./button-class";
import { FieldErrorsContext } from "./field-errors";
import { FieldValuesContext } from "./field-values";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { toast } from "./toaster";
import { useFormActionState } from "./use-form-action-state";
import { useSubmissionKey } from "./use-submission-key";

type ActionFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: ReactNode;
  pendingLabel: string;
  tone?: ButtonTone;
  /** Values posted with the form, e.g. the id of the item it acts on. */
  hidden?: Record<string, string>;
  /** For forms that create: a one-time key, posted as `formKey` and kept until saved (useSubmissionKey). */
  formKey?: string;
  /**
   * For actions that remove or move what the form sits in: success is told by a toast (the
   * form may be gone, or somewhere else), and focus goes to the first of these element ids
   * that exists, instead of being lost.
   */
  afterSuccessFocus?: string[];
  /** An id for the submit button, so focus can be brought back to it. */
  submitId?: string;
  children?: ReactNode;
  /** An equal alternative drawn beside the submit button (a way out that needs no request). */
  beside?: ReactNode;
  className?: string;
};

function focusFirst(ids: string[]): void {
  for (const id of ids) {
    const element = document.getElementById(id);
    if (element) return element.focus();
  }
}

/**
 * A small form around one server action: pending state while it runs, and its answer announced.
 * Fields inside it (InputField, TextAreaField, CheckboxField) show their own errors from the answer.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  tone,
  hidden,
  formKey,
  afterSuccessFocus,
  submitId,
  children,
  beside,
  className,
}: ActionFormProps) {
  const focusAfterCommit = useRef<string[] | null>(null);
  const [state, formAction] = useFormActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (afterSuccessFocus && next.status === "ok") {
      toast(next.message);
      focusAfterCommit.current = afterSuccessFocus;
      // If this form is gone from the new page, no effect of it runs: focus from here instead.
      requestAnimationFrame(() => focusFirst(afterSuccessFocus));
    }
    return next;
  });
  useEffect(() => {
    // If this form is still there (moved with its item), focus once the page is in its new order.
    if (!focusAfterCommit.current) return;
    focusFirst(focusAfterCommit.current);
    focusAfterCommit.current = null;
  }, [state]);
  const submissionKey = useSubmissionKey(formKey, state);
  const shown = afterSuccessFocus && state.status === "ok" ? IDLE : state;
  return (
    <form action={formAction} className={className ?? "space-y-3"}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {submissionKey ? <input type="hidden" name="formKey" value={submissionKey} /> : null}
      <FieldErrorsContext value={state.status === "error" ? state.fieldErrors : {}}>
        <FieldValuesContext value={state.status === "error" ? state.values : {}}>{children}</FieldValuesContext>
      </FieldErrorsContext>
      {beside ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SubmitButton id={submitId} tone={tone} pendingLabel={pendingLabel}>
            {submitLabel}
          </SubmitButton>
          {beside}
        </div>
      ) : (
        <SubmitButton id={submitId} tone={tone} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      )}
      <FormAlert state={shown} listFieldErrors />
    </form>
  );
}
