"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormActionState } from "@/components/ui/use-form-action-state";
import { signUpAction } from "@/app/sign-up/actions";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Step one of signing up: a name and an address. The answer is the same for every address;
 * the account is made from the link that is emailed (decision 018).
 */
export function SignUpForm(props: { callbackPath: string; outboxEnabled: boolean }) {
  // A new key starts the form afresh, for another address.
  const [round, setRound] = useState(0);
  return <SignUpSteps key={round} {...props} onStartOver={() => setRound((value) => value + 1)} />;
}

function SignUpSteps({ callbackPath, outboxEnabled, onStartOver }: { callbackPath: string; outboxEnabled: boolean; onStartOver: () => void }) {
  const [state, formAction] = useFormActionState(signUpAction);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  if (state.status === "ok") {
    const email = state.data?.email ?? "";
    return (
      <div className="space-y-4">
        <FormAlert state={state} />
        <p className="text-sm text-stone-700 dark:text-stone-300">The link works once, for 24 hours. Nothing is made until you use it.</p>
        {outboxEnabled ? (
          <p className="text-sm">
            No mail server is set up on this computer, so the email waits in the <Link href="/outbox">development outbox</Link>.
          </p>
        ) : null}
        <form action={formAction} className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="displayName" value={state.data?.displayName ?? ""} />
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="callbackUrl" value={callbackPath} />
          <SubmitButton pendingLabel="Sending…" tone="secondary">
            Send the email again
          </SubmitButton>
          <button type="button" onClick={onStartOver} className="min-h-11 text-sm font-medium text-teal-800 underline underline-offset-4 dark:text-teal-300">
            Use another address
          </button>
        </form>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <InputField
        name="displayName"
        label="Your name"
        hint="Your partner will see this name once you link up. Nothing else about you is shown to them."
        autoComplete="given-name"
        required
        defaultValue={values.displayName}
        errors={errors.displayName}
      />
      <InputField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        hint="We send a link there: you choose your password when you open it."
        required
        defaultValue={values.email}
        errors={errors.email}
      />
      <SubmitButton pendingLabel="Sending the link…">Create my account</SubmitButton>
    </form>
  );
}
