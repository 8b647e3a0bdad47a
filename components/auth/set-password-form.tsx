"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { InputField } from "@/components/ui/field";
import { FieldErrorsContext } from "@/components/ui/field-errors";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN } from "@/lib/validation/limits";

/**
 * Choosing a password from an emailed link (finishing a sign-up, or a reset): the action checks
 * the link and sets the password; this browser then signs in with it and goes on.
 */
export function SetPasswordForm({
  action,
  token,
  goTo,
  submitLabel,
  pendingLabel,
  children,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  goTo: string;
  submitLabel: string;
  pendingLabel: string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const password = useRef("");
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};

  useEffect(() => {
    if (state.status !== "ok") return;
    void signIn("credentials", { email: state.data?.email ?? "", password: password.current, redirect: false }).then((result) => {
      router.replace(result?.ok ? goTo : "/sign-in");
      router.refresh();
    });
  }, [state, goTo, router]);

  return (
    <form
      action={(formData) => {
        password.current = String(formData.get("password") ?? "");
        formAction(formData);
      }}
      className="space-y-5"
      noValidate
    >
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <FieldErrorsContext value={errors}>{children}</FieldErrorsContext>
      <InputField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. A phrase of a few words is easy to remember.`}
        required
        errors={errors.password}
      />
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </form>
  );
}
