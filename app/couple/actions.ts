"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { requireUser } from "@/lib/auth/session";
import { acceptInvite, createInvite, leaveCouple, revokeMyInvites } from "@/lib/data/couples";
import { mailSettings } from "@/lib/email/config";
import { deliverQueuedEmailsSoon } from "@/lib/email/deliver-soon";
import { enqueueEmail } from "@/lib/email/queue";
import { inviteEmail } from "@/lib/email/templates";
import { absoluteUrl } from "@/lib/http/absolute-url";
import { emailSchema } from "@/lib/validation/account";
import { text } from "@/lib/validation/fields";

export const createInviteAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  const invite = await createInvite(access);
  revalidatePath("/couple");
  return {
    status: "ok",
    message: "Your invite link is ready. Copy it now: for your safety it is shown only once.",
    data: { link: await absoluteUrl(`/invite/${invite.token}`) },
  };
});

/**
 * The same single-use link, sent by email: queued, so a slow mail server never holds the form
 * (lib/email/delivery.ts). Only an account that has verified this address can accept it. The
 * email carries the link and the inviter's name, nothing else.
 */
export const emailInviteAction = userFormAction(z.object({ email: emailSchema }), async (access, { email }): Promise<FormState> => {
  const user = await requireUser();
  if (email === user.email) {
    return { status: "error", message: "Some fields need a second look.", fieldErrors: { email: ["Enter your partner's email address, not your own."] }, values: { email } };
  }
  const invite = await createInvite(access, { email });
  // On the configured app URL, never the request's Host header (lib/email/account-links.ts).
  const link = `${mailSettings().appUrl}/invite/${invite.token}`;
  await enqueueEmail(access.db, { to: email, ...inviteEmail({ inviterName: user.displayName, acceptUrl: link }), senderId: user.id });
  deliverQueuedEmailsSoon();
  revalidatePath("/couple");
  return { status: "ok", message: `The invite is on its way to ${email}. The link works once, for 7 days.`, data: { link } };
});

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
    redirect("/couple?linked=1");
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
