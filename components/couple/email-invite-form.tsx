"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import { emailInviteAction } from "@/app/couple/actions";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { textValue } from "@/lib/actions/form-state";

/** Sends the invite link by email; if sending fails, the link is shown so it can be sent by hand. */
export function EmailInviteForm() {
  const [state, formAction] = useFormActionState(emailInviteAction);
  const fallbackLink = state.status === "error" ? textValue(state.values, "link") : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <InputField
        name="email"
        label="Your partner's email"
        type="email"
        autoComplete="off"
        defaultValue={state.status === "error" ? textValue(state.values, "email") : undefined}
        errors={state.status === "error" ? state.fieldErrors.email : undefined}
      />
      <SubmitButton pendingLabel="Sending…" tone="secondary">
        Send the invite by email
      </SubmitButton>
      <FormAlert state={state} />
      {fallbackLink ? (
        <p className="break-all rounded-lg border border-stone-300 p-3 font-mono text-sm dark:border-stone-700">{fallbackLink}</p>
      ) : null}
    </form>
  );
}
