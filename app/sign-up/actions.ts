"use server";

import { z } from "zod";
import { registerUser } from "@/lib/auth/accounts";
import { requestClientAddress } from "@/lib/auth/client-address";
import { formError, formValues, type FormState } from "@/lib/actions/form-state";
import { getDb } from "@/lib/db/client";
import { addressKeyPart, consumeRateLimit, rateLimitKey, waitText } from "@/lib/limits/rate-limits";
import { signUpSchema } from "@/lib/validation/account";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const { password: _password, ...echoed } = values;
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: echoed,
    };
  }
  const allowed = await consumeRateLimit(getDb(), "sign-up", rateLimitKey(addressKeyPart(await requestClientAddress())));
  if (!allowed.allowed) {
    return formError(`Too many accounts were made from your network just now. Try again in ${waitText(allowed.retryAfterSeconds)}.`, echoed);
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
