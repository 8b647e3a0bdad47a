"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import { emailInviteAction } from "@/app/couple/actions";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { textValue } from "@/lib/actions/form-state";

/** Sends the open invite (or a new one) by email; the address is kept on the invite. */
export function EmailInviteForm({ sentTo }: { sentTo: string | null }) {
  const [state, formAction] = useFormActionState(emailInviteAction);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <InputField
        name="email"
        label="Your partner's email"
        type="email"
        autoComplete="off"
        defaultValue={state.status === "error" ? textValue(state.values, "email") : (sentTo ?? undefined)}
        errors={state.status === "error" ? state.fieldErrors.email : undefined}
      />
      <SubmitButton pendingLabel="Sending…" tone="secondary">
        {sentTo ? "Send it again" : "Send the invite by email"}
      </SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}
