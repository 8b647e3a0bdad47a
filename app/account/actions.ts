"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { deleteAccount, signOutEverywhere } from "@/lib/data/account";
import { text } from "@/lib/validation/fields";

export const signOutEverywhereAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  await signOutEverywhere(access);
  redirect("/sign-in?signedOut=1");
});

export const deleteAccountAction = userFormAction(
  z.object({
    password: text("Enter your password to confirm.").min(1, "Enter your password to confirm.").max(200),
    confirm: z.literal("delete", { error: "Tick the box to confirm that you want to delete everything." }),
  }),
  async (access, { password }): Promise<FormState> => {
    await deleteAccount(access, password);
    redirect("/?deleted=1");
  },
);
