"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState } from "react";
import { echoedValues, formValues, formError, IDLE, UNREACHABLE_MESSAGE, type FormState } from "@/lib/actions/form-state";

type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState for a form's server action, where a request that fails on the way (offline,
 * the server restarting, a refused request) answers like the server would: a calm message, and
 * the fields as the person typed them (secrets aside), instead of an error page that loses them.
 */
export function useFormActionState(action: FormAction) {
  return useActionState(async (previous: FormState, formData: FormData): Promise<FormState> => {
    try {
      return await action(previous, formData);
    } catch (error) {
      // A redirect after success also arrives as a throw: let the router follow it.
      unstable_rethrow(error);
      console.error("A form could not be sent:", error);
      return formError(UNREACHABLE_MESSAGE, echoedValues(formValues(formData)));
    }
  }, IDLE);
}
