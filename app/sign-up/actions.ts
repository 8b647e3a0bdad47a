"use server";

import { z } from "zod";
import { registerUser } from "@/lib/auth/accounts";
import { formValues, redisplayed, type FormState } from "@/lib/actions/form-state";
import { getDb } from "@/lib/db/client";
import { signUpSchema } from "@/lib/validation/account";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const echoed = redisplayed(values, ["displayName", "email"]);
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: echoed,
    };
  }
  const result = await registerUser(getDb(), parsed.data);
  if (!result.ok) {
    return {
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: { email: ["An account already uses this email. Sign in instead."] },
      values: echoed,
    };
  }
  return { status: "ok", message: "Your account is ready. Signing you in…" };
}
