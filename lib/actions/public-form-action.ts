import "server-only";
import { z } from "zod";
import { formValues, type FormState, type FormValues } from "./form-state";

/** Fields that are never sent back to the browser, whatever the form. */
const SECRET_FIELDS = new Set(["password", "token"]);

/**
 * A server action for a signed-out visitor (sign-up, forgotten password, links from email):
 * validates the form with the zod schema the browser also uses and only then runs. Bad input
 * changes nothing and comes back with its messages; passwords and link secrets never come back.
 */
export function publicFormAction<Schema extends z.ZodType>(schema: Schema, run: (input: z.output<Schema>, values: FormValues) => Promise<FormState>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    const echoed = Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELDS.has(name)));
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return {
        status: "error",
        message: formErrors[0] ?? "Some fields need a second look.",
        fieldErrors: fieldErrors as Partial<Record<string, string[]>>,
        values: echoed,
      };
    }
    const state = await run(parsed.data, values);
    return state.status === "error" ? { ...state, values: echoed } : state;
  };
}
