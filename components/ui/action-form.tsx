"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { ButtonTone } from "./button-class";
import { FieldErrorsContext } from "./field-errors";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";

type ActionFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: ReactNode;
  pendingLabel: string;
  tone?: ButtonTone;
  /** Values posted with the form, e.g. the id of the item it acts on. */
  hidden?: Record<string, string>;
  children?: ReactNode;
  className?: string;
};

/**
 * A small form around one server action: pending state while it runs, and its answer announced.
 * Fields inside it (InputField, TextAreaField, CheckboxField) show their own errors from the answer.
 */
export function ActionForm({ action, submitLabel, pendingLabel, tone, hidden, children, className }: ActionFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={className ?? "space-y-3"}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FieldErrorsContext value={state.status === "error" ? state.fieldErrors : {}}>{children}</FieldErrorsContext>
      <SubmitButton tone={tone} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
      <FormAlert state={state} listFieldErrors />
    </form>
  );
}
