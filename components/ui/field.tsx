"use client";

import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { describedBy, FieldError, fieldErrorId } from "./field-error";
import { useFieldErrors } from "./field-errors";
import { useFieldDefault } from "./field-values";

type FieldShellProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (described: { "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
};

/** A labelled field whose hint and errors are announced with it. */
function FieldShell({ id, label, hint, errors, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = fieldErrorId(id, errors);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-100">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {children({ "aria-describedby": describedBy(hintId, errorId), "aria-invalid": errorId ? true : undefined })}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

const controlClass =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "focus:border-teal-600 focus:outline-hidden focus:ring-2 focus:ring-teal-600 aria-[invalid]:border-rose-600 " +
  "dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

type InputFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
};

export function InputField({ name, label, hint, errors, defaultValue, ...input }: InputFieldProps) {
  const id = `field-${name}`;
  const initial = useFieldDefault(name, defaultValue);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={useFieldErrors(name, errors)}>
      {(described) => <input id={id} name={name} className={controlClass} defaultValue={initial} {...described} {...input} />}
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
};

export function TextAreaField({ name, label, hint, errors, defaultValue, ...textarea }: TextAreaFieldProps) {
  const id = `field-${name}`;
  const initial = useFieldDefault(name, defaultValue);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={useFieldErrors(name, errors)}>
      {(described) => <textarea id={id} name={name} className={controlClass} defaultValue={initial} {...described} {...textarea} />}
    </FieldShell>
  );
}
