"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import type { FormState } from "@/lib/actions/form-state";
import { LEAD_TIME_OPTIONS } from "@/lib/check-ins/lead-times";
import { FieldError, fieldErrorId } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  emailEnabled: boolean;
  leadMinutes: number[];
};

export function ReminderForm({ action, emailEnabled, leadMinutes }: Props) {
  const [state, formAction] = useFormActionState(action);
  const sent = state.status === "error" ? state.values : null;
  const checked = (name: string, saved: boolean) => (sent ? sent[name] === "on" : saved);
  const leadErrors = state.status === "error" ? state.fieldErrors.leadMinutes : undefined;
  const leadErrorId = fieldErrorId("lead", leadErrors);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <label className="flex items-start gap-2">
        <input type="checkbox" name="emailEnabled" defaultChecked={checked("emailEnabled", emailEnabled)} className="mt-1 h-4 w-4" />
        <span>Email me a reminder before each check-in</span>
      </label>
      <fieldset className="space-y-2" aria-describedby={leadErrorId}>
        <legend className="text-sm font-medium text-stone-800 dark:text-stone-100">When</legend>
        {LEAD_TIME_OPTIONS.map((option) => (
          <label key={option.field} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={option.field}
              defaultChecked={checked(option.field, leadMinutes.includes(option.minutes))}
              className="h-4 w-4"
            />
            <span>{option.label}</span>
          </label>
        ))}
        <FieldError id={leadErrorId} errors={leadErrors} />
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save my reminders</SubmitButton>
    </form>
  );
}
