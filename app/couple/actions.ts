"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { absoluteUrl } from "@/lib/http/absolute-url";
import { acceptInvite, createInvite, leaveCouple, revokeMyInvites } from "@/lib/data/couples";

export const createInviteAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  const invite = await createInvite(access);
  revalidatePath("/couple");
  return {
    status: "ok",
    message: "Your invite link is ready. Copy it now: for your safety it is shown only once.",
    data: { link: await absoluteUrl(`/invite/${invite.token}`) },
  };
});

export const revokeInviteAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  await revokeMyInvites(access);
  revalidatePath("/couple");
  return { status: "ok", message: "The invite link no longer works." };
});

export const acceptInviteAction = userFormAction(
  z.object({ token: z.string().trim().min(1).max(200) }),
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
