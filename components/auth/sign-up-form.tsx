"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { signUpAction } from "@/app/sign-up/actions";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN } from "@/lib/validation/limits";

export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const credentials = useRef({ email: "", password: "" });
  const [state, formAction] = useFormActionState(signUpAction);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  useEffect(() => {
    if (state.status !== "ok") return;
    void signIn("credentials", { ...credentials.current, redirect: false }).then((result) => {
      router.replace(result?.ok ? callbackPath : "/sign-in");
      router.refresh();
    });
  }, [state, callbackPath, router]);

  return (
    <form
      ref={formRef}
      action={(formData) => {
        credentials.current = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
        formAction(formData);
      }}
      className="space-y-5"
      noValidate
    >
      <FormAlert state={state} />
      <InputField
        name="displayName"
        label="Your name"
        hint="Your partner will see this name once you link up. Nothing else about you is shown to them."
        autoComplete="given-name"
        required
        defaultValue={values.displayName}
        errors={errors.displayName}
      />
      <InputField name="email" label="Email" type="email" autoComplete="email" required defaultValue={values.email} errors={errors.email} />
      <InputField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. A phrase of a few words is easy to remember.`}
        required
        errors={errors.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create my account</SubmitButton>
    </form>
  );
}
