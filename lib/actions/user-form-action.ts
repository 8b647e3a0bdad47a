import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/auth/session";
import type { Access } from "@/lib/data/access";
import { DomainError } from "@/lib/data/errors";
import { invalidForm } from "./invalid-form";
import { formValues, redisplayed, unavailable, type FormState, type FormValues } from "./form-state";

type UserFormActionOptions = {
  /** The fields the form fills in again after an error (never a password); none unless listed. */
  redisplay?: readonly string[];
};

/**
 * The only way to build a form's server action that touches user data: it resolves the
 * signed-in user (or sends the visitor to sign-in), validates the form with the schema the
 * browser also uses, and only then calls the domain. Invalid input changes nothing; a
 * DomainError becomes the form's message; any other failure (the database or the mail server
 * away) is logged and answered calmly. An error answer carries back only the fields listed in
 * `redisplay`, so what the person typed there is not lost and nothing else is ever echoed.
 */
export function userFormAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (access: Access, input: z.output<Schema>) => Promise<FormState>,
  { redisplay = [] }: UserFormActionOptions = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    // A forged request can send anything in place of the form; it gets the form's own answer.
    const sent: FormValues = formData instanceof FormData ? formValues(formData) : {};
    const values = redisplayed(sent, redisplay);
    try {
      const access = await requireAccess();
      const parsed = schema.safeParse(sent);
      if (!parsed.success) return invalidForm(parsed.error, values);
      return await run(access, parsed.data);
    } catch (error) {
      // redirect() and notFound() end an action by throwing; they are answers, not failures.
      unstable_rethrow(error);
      // A refusal from the domain is the person's to read; anything else is a failure of ours.
      if (error instanceof DomainError) return { status: "error", message: error.message, fieldErrors: {}, values };
      console.error("A form action failed:", error);
      return unavailable(values);
    }
  };
}
