"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClass, type ButtonTone } from "./button-class";

/** A form's submit button: disabled while the form is being sent, so a double click sends once. */
export function SubmitButton({
  children,
  pendingLabel,
  tone = "primary",
  id,
}: {
  children: ReactNode;
  pendingLabel: string;
  tone?: ButtonTone;
  id?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button id={id} type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(tone)}>
      {pending ? pendingLabel : children}
    </button>
  );
}
