"use server";

import { formError } from "@/lib/actions/form-state";
import { publicFormAction } from "@/lib/actions/public-form-action";
import { requestClientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";
import { accountLinks } from "@/lib/email/account-links";
import { mailSettings } from "@/lib/email/config";
import { deliverQueuedEmailsSoon } from "@/lib/email/deliver-soon";
import { ensureOutboxKeyHash } from "@/lib/email/outbox-key";
import { addressKeyPart, consumeRateLimit, rateLimitKey, waitText } from "@/lib/limits/rate-limits";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/account";

/** The same answer whether or not the address has an account (SPEC C12). */
export const forgotPasswordAction = publicFormAction(forgotPasswordSchema, async ({ email }) => {
  const fromNetwork = await consumeRateLimit(getDb(), "email-request-address", rateLimitKey(addressKeyPart(await requestClientAddress())));
  if (!fromNetwork.allowed) return formError(`Too many links were asked for from your network just now. Try again in ${waitText(fromNetwork.retryAfterSeconds)}.`);
  // Counted whether or not the address has an account, so a refusal says nothing about it.
  const toAddress = await consumeRateLimit(getDb(), "password-reset-email", rateLimitKey(email.toLowerCase()));
  if (!toAddress.allowed) return formError(`Several links already went to that address in the last hour. Try again in ${waitText(toAddress.retryAfterSeconds)}.`);
  await requestPasswordReset(getDb(), { email, links: accountLinks(mailSettings().appUrl) });
  deliverQueuedEmailsSoon();
  return {
    status: "ok",
    message: `If ${email} belongs to an account, we sent it a link to choose a new password. The link works once, within an hour.`,
  };
});

export const resetPasswordAction = publicFormAction(resetPasswordSchema, async ({ token, password }) => {
  const result = await resetPassword(getDb(), { secret: token, password, outboxKeyHash: await ensureOutboxKeyHash() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: {}, values: {} };
  return { status: "ok", message: "Your password is changed, and every device that was signed in is signed out. Signing you in…", data: { email: result.email } };
});
