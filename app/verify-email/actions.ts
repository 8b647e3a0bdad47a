"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicFormAction } from "@/lib/actions/public-form-action";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { requestEmailVerification, verifyEmail } from "@/lib/auth/email-verification";
import { getDb } from "@/lib/db/client";
import { accountLinks } from "@/lib/email/account-links";
import { mailSettings } from "@/lib/email/config";
import { deliverQueuedEmailsSoon } from "@/lib/email/deliver-soon";
import { ensureOutboxKeyHash } from "@/lib/email/outbox-key";
import { enforceRateLimit } from "@/lib/limits/enforce";
import { rateLimitKey } from "@/lib/limits/rate-limits";
import { verifyEmailSchema } from "@/lib/validation/account";

export const sendVerificationLinkAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  await enforceRateLimit(access.db, "verification-email", rateLimitKey("verify", access.userId), "Several links already went to your address today.");
  const outcome = await requestEmailVerification(access, { links: accountLinks(mailSettings().appUrl) });
  if (outcome === "already-verified") return { status: "ok", message: "Your address is already verified." };
  deliverQueuedEmailsSoon();
  return { status: "ok", message: "We sent a link to your address. Open it to confirm that the address is yours; it works once, for 24 hours." };
});

/** From the emailed link's page: the link is the proof, so no sign-in is needed. */
export const confirmEmailAction = publicFormAction(verifyEmailSchema, async ({ token }) => {
  const result = await verifyEmail(getDb(), { secret: token, outboxKeyHash: await ensureOutboxKeyHash() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: {}, values: {} };
  revalidatePath("/", "layout");
  return { status: "ok", message: "Thank you: your address is verified. Reminders and invites sent to it can now reach you." };
});
