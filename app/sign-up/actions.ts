"use server";

import { z } from "zod";
import { registerUser } from "@/lib/auth/accounts";
import { echoedValues, formValues, unavailable, type FormState } from "@/lib/actions/form-state";
import { getDb } from "@/lib/db/client";
import { signUpSchema } from "@/lib/validation/account";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formData instanceof FormData ? formValues(formData) : {};
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: echoedValues(values),
    };
  }
  let result: Awaited<ReturnType<typeof registerUser>>;
  try {
    result = await registerUser(getDb(), parsed.data);
  } catch (error) {
    // The database is away: the person keeps what they typed (not the password) and may retry.
    console.error("Sign-up failed:", error);
    return unavailable(values);
  }
  if (!result.ok) {
    return {
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: { email: ["An account already uses this email. Sign in instead."] },
      values: echoedValues(values),
    };
  }
  return { status: "ok", message: "Your account is ready. Signing you in…" };
}
