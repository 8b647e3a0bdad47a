"use server";

import { publicFormAction } from "@/lib/actions/public-form-action";
import { formError, textValue } from "@/lib/actions/form-state";
import { requestClientAddress } from "@/lib/auth/client-address";
import { completeSignUp, requestSignUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { accountLinks } from "@/lib/email/account-links";
import { mailSettings } from "@/lib/email/config";
import { deliverQueuedEmailsSoon } from "@/lib/email/deliver-soon";
import { ensureOutboxKeyHash } from "@/lib/email/outbox-key";
import { addressKeyPart, consumeRateLimit, rateLimitKey, waitText } from "@/lib/limits/rate-limits";
import { safeCallbackPath } from "@/lib/validation/callback-url";
import { completeSignUpSchema, signUpSchema } from "@/lib/validation/account";

/**
 * Step one: the same answer whether or not the address has an account (SPEC C12); the email
 * that follows differs, and only the address's owner reads it (lib/auth/sign-up.ts).
 */
export const signUpAction = publicFormAction(signUpSchema, async (input, values) => {
  const allowed = await consumeRateLimit(getDb(), "sign-up", rateLimitKey(addressKeyPart(await requestClientAddress())));
  if (!allowed.allowed) {
    return formError(`Too many sign-ups came from your network just now. Try again in ${waitText(allowed.retryAfterSeconds)}.`, {});
  }
  // Counted for new and existing accounts alike, so a refusal says nothing about the address.
  const toAddress = await consumeRateLimit(getDb(), "verification-email", rateLimitKey("sign-up", input.email.toLowerCase()));
  if (!toAddress.allowed) {
    return formError(`Several emails already went to that address today. Try again in ${waitText(toAddress.retryAfterSeconds)}.`, {});
  }
  await requestSignUp(getDb(), {
    ...input,
    callbackPath: safeCallbackPath(textValue(values, "callbackUrl"), "") || null,
    links: accountLinks(mailSettings().appUrl),
    outboxKeyHash: await ensureOutboxKeyHash(),
  });
  deliverQueuedEmailsSoon();
  return {
    status: "ok",
    message: `Check your email. We sent a message to ${input.email}: open the link in it to finish signing up.`,
    data: { email: input.email, displayName: input.displayName },
  };
});

/** Step two, from the emailed link: choose a password; the account is made, its address verified. */
export const completeSignUpAction = publicFormAction(completeSignUpSchema, async (input) => {
  const result = await completeSignUp(getDb(), { secret: input.token, displayName: input.displayName, password: input.password, outboxKeyHash: await ensureOutboxKeyHash() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: {}, values: {} };
  return { status: "ok", message: "Your account is ready. Signing you in…", data: { email: result.email } };
});
