"use client";

import type { ReactNode } from "react";
import { describedBy, FieldError, fieldErrorId } from "./field-error";
import { useFieldErrors } from "./field-errors";

type CheckboxFieldProps = {
  name: string;
  value: string;
  label: ReactNode;
  hint?: string;
  /** Ticked when the form first shows (a saved setting). */
  defaultChecked?: boolean;
  /** The row's look: by default a plain line of small text. */
  className?: string;
};

/** A single checkbox (a confirmation, an affirmation) whose hint and error are announced with it. */
export function CheckboxField({ name, value, label, hint, defaultChecked, className = "flex items-start gap-2 text-sm" }: CheckboxFieldProps) {
  const errors = useFieldErrors(name);
  const id = `checkbox-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = fieldErrorId(id, errors);
  return (
    <div className="space-y-1">
      <div className={className}>
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          className="mt-1 h-4 w-4 shrink-0 accent-teal-700"
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={errorId ? true : undefined}
        />
        <div>
          <label htmlFor={id}>{label}</label>
          {hint ? (
            <p id={hintId} className="text-stone-600 dark:text-stone-400">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
