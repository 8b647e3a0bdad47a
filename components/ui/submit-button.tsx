"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClass, type ButtonTone } from "./button-class";

/**
 * A form's submit button: inert while the form is being sent, so a double click sends once. Marked
 * aria-disabled rather than disabled: disabling the focused button would drop the keyboard focus.
 */
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
    <button
      id={id}
      type="submit"
      aria-disabled={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={buttonClass(tone)}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
