"use server";

import { publicFormAction } from "@/lib/actions/public-form-action";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";
import { accountLinks } from "@/lib/email/account-links";
import { mailSettings } from "@/lib/email/config";
import { deliverQueuedEmailsSoon } from "@/lib/email/deliver-soon";
import { ensureOutboxKeyHash } from "@/lib/email/outbox-key";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/account";

/** The same answer whether or not the address has an account (SPEC C12). */
export const forgotPasswordAction = publicFormAction(forgotPasswordSchema, async ({ email }) => {
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
