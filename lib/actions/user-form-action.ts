import "server-only";
import { z } from "zod";
import { requireAccess } from "@/lib/auth/session";
import type { Access } from "@/lib/data/access";
import { DomainError } from "@/lib/data/errors";
import { formValues, redisplayed, type FormState } from "./form-state";

type UserFormActionOptions = {
  /** The fields the form fills in again after an error (never a password); none unless listed. */
  redisplay?: readonly string[];
};

/**
 * The only way to build a form's server action that touches user data: it resolves the
 * signed-in user (or sends the visitor to sign-in), validates the form with the schema the
 * browser also uses, and only then calls the domain. Invalid input changes nothing; a
 * DomainError becomes the form's message. An error answer carries back only the fields listed
 * in `redisplay`.
 */
export function userFormAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (access: Access, input: z.output<Schema>) => Promise<FormState>,
  { redisplay = [] }: UserFormActionOptions = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const access = await requireAccess();
    const sent = formValues(formData);
    const values = redisplayed(sent, redisplay);
    const parsed = schema.safeParse(sent);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return {
        status: "error",
        message: formErrors[0] ?? "Some fields need a second look.",
        fieldErrors: fieldErrors as Partial<Record<string, string[]>>,
        values,
      };
    }
    try {
      return await run(access, parsed.data);
    } catch (error) {
      // A refusal from the domain is the user's to read; anything else is a real failure.
      if (error instanceof DomainError) return { status: "error", message: error.message, fieldErrors: {}, values };
      throw error;
    }
  };
}
