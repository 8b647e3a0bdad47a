import "server-only";
import { z } from "zod";
import { requireAccess } from "@/lib/auth/session";
import type { Access } from "@/lib/data/access";
import { formValues, type FormState } from "./form-state";

/**
 * The only way to build a form's server action that touches user data: it resolves the
 * signed-in user (or sends the visitor to sign-in), validates the form with the schema the
 * browser also uses, and only then calls the domain. Invalid input changes nothing.
 */
export function userFormAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (access: Access, input: z.output<Schema>) => Promise<FormState>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const access = await requireAccess();
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return {
        status: "error",
        message: formErrors[0] ?? "Some fields need a second look.",
        fieldErrors: fieldErrors as Partial<Record<string, string[]>>,
        values,
      };
    }
    return run(access, parsed.data);
  };
}
