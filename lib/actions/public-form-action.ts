import "server-only";
import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { DomainError } from "@/lib/data/errors";
import { invalidForm } from "./invalid-form";
import { echoedValues, formValues, unavailable, type FormState, type FormValues } from "./form-state";

/**
 * A server action for a signed-out visitor (sign-up, forgotten password, links from email):
 * validates the form with the zod schema the browser also uses and only then runs. Bad input
 * changes nothing and comes back with its messages; passwords and link secrets never come back.
 */
export function publicFormAction<Schema extends z.ZodType>(schema: Schema, run: (input: z.output<Schema>, values: FormValues) => Promise<FormState>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    const { token: _token, ...withoutToken } = values;
    const echoed = echoedValues(withoutToken);
    const parsed = schema.safeParse(values);
    if (!parsed.success) return invalidForm(parsed.error, echoed);
    let state: FormState;
    try {
      state = await run(parsed.data, values);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return { status: "error", message: error.message, fieldErrors: {}, values: echoed };
      // The database or the mail queue is away: the person keeps what they typed and may retry.
      console.error("A form could not be handled:", error);
      return unavailable(withoutToken);
    }
    return state.status === "error" ? { ...state, values: echoed } : state;
  };
}
