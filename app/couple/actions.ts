"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { requireUser } from "@/lib/auth/session";
import { acceptInvite, createInvite, emailInvite, getMyOpenInvite, leaveCouple, revokeMyInvites } from "@/lib/data/couples";
import { dismissNotice } from "@/lib/data/notices";
import { mailSettings } from "@/lib/email/config";
import { deliverQueuedEmailsSoon } from "@/lib/email/deliver-soon";
import { enqueueEmail } from "@/lib/email/queue";
import { inviteEmail } from "@/lib/email/templates";
import { emailSchema } from "@/lib/validation/account";
import { text } from "@/lib/validation/fields";

export const createInviteAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  const replaced = await getMyOpenInvite(access);
  await createInvite(access);
  revalidatePath("/couple");
  return {
    status: "ok",
    message: replaced ? "Here is your new invite link. The earlier one no longer works." : "Your invite link is ready. Send it to your partner.",
  };
});

/**
 * The open invite, sent by email (decision 032): the link on the page keeps working and is the
 * one the email carries. Queued, so a slow mail server never holds the form
 * (lib/email/delivery.ts). Only an account that has verified this address can accept it. The
 * email carries the link and the inviter's name, nothing else.
 */
export const emailInviteAction = userFormAction(z.object({ email: emailSchema }), async (access, { email }): Promise<FormState> => {
  const user = await requireUser();
  if (email === user.email) {
    return { status: "error", message: "Some fields need a second look.", fieldErrors: { email: ["Enter your partner's email address, not your own."] }, values: { email } };
  }
  const invite = await emailInvite(access, { email });
  // On the configured app URL, never the request's Host header (lib/email/account-links.ts).
  const link = `${mailSettings().appUrl}/invite/${invite.token}`;
  await enqueueEmail(access.db, { to: email, ...inviteEmail({ inviterName: user.displayName, acceptUrl: link }), senderId: user.id });
  deliverQueuedEmailsSoon();
  revalidatePath("/couple");
  return {
    status: "ok",
    message: `Sent to ${email}: the same link as on this page. Only the account that verifies that address can accept it.`,
  };
}, { redisplay: ["email"] });

export const revokeInviteAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  await revokeMyInvites(access);
  revalidatePath("/couple");
  return { status: "ok", message: "The invite link no longer works." };
});

export const acceptInviteAction = userFormAction(
  z.object({ token: text("This invite link is not valid.").trim().min(1).max(200) }),
  async (access, { token }): Promise<FormState> => {
    await acceptInvite(access, token);
    revalidatePath("/", "layout");
    // The invited partner reads, as a new sign-up does, what a partner can and can never see.
    redirect("/welcome?linked=1");
  },
);

export const leaveCoupleAction = userFormAction(
  z.object({ confirm: z.literal("leave", { error: "Tick the box to confirm that you want to leave." }) }),
  async (access): Promise<FormState> => {
    await leaveCouple(access);
    revalidatePath("/", "layout");
    redirect("/couple?left=1");
  },
);

export const dismissNoticeAction = userFormAction(
  z.object({ noticeId: z.uuid({ error: "This notice is not there any more." }) }),
  async (access, { noticeId }): Promise<FormState> => {
    await dismissNotice(access, noticeId);
    revalidatePath("/", "layout");
    return { status: "ok", message: "Dismissed." };
  },
);
