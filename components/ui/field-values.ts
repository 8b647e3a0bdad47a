"use client";

import { createContext, use } from "react";
import type { FormValues } from "@/lib/actions/form-state";

/**
 * What was typed into an ActionForm before its action failed. React empties a form after its
 * action; fields take these back as their default values, so a failure loses nothing typed.
 */
export const FieldValuesContext = createContext<FormValues>({});

/** A field's default: the one it was given, or else the text its ActionForm sent last time. */
export function useFieldDefault(name: string, given: string | number | readonly string[] | undefined) {
  const sent = use(FieldValuesContext)[name];
  return given ?? (typeof sent === "string" ? sent : undefined);
}
