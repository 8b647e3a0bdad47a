"use client";

import { createContext, use } from "react";

type FieldErrors = Partial<Record<string, string[]>>;

/** The field errors an ActionForm's server action answered with, for the fields inside the form. */
export const FieldErrorsContext = createContext<FieldErrors>({});

/** A field's errors: the ones it was given, or else the ones its ActionForm received for its name. */
export function useFieldErrors(name: string, given?: string[]): string[] | undefined {
  const fromForm = use(FieldErrorsContext);
  return given ?? fromForm[name];
}
