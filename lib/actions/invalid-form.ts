import "server-only";
import { z } from "zod";
import type { FormState, FormValues } from "./form-state";

/** The answer to a form the schema refused: a message per field, and only the given values back. */
export function invalidForm(error: z.ZodError, values: FormValues): FormState {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return {
    status: "error",
    message: formErrors[0] ?? "Some fields need a second look.",
    fieldErrors: fieldErrors as Partial<Record<string, string[]>>,
    values,
  };
}
