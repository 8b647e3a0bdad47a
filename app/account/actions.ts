"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { endCurrentSession, requireUser } from "@/lib/auth/session";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { changePassword, deleteAccount, endMySession, setNeutralTabTitle, signOutEverywhere } from "@/lib/data/account";
import { setMyTherapyRole } from "@/lib/data/therapy-role";
import { rememberMyTimeZone, setMyTimeZone } from "@/lib/data/time-zone";
import { NEUTRAL_TAB_TITLE } from "@/lib/content/neutral-title";
import { changePasswordSchema } from "@/lib/validation/account";
import { myTimeZoneSchema } from "@/lib/validation/check-in";
import { text } from "@/lib/validation/fields";

export const signOutEverywhereAction = userFormAction(z.object({}), async (access): Promise<FormState> => {
  await signOutEverywhere(access);
  await clearSessionCookie();
  redirect("/sign-in?signedOut=1");
});

export const endSessionAction = userFormAction(
  z.object({ sessionId: z.uuid({ error: "That session has already ended." }) }),
  async (access, { sessionId }): Promise<FormState> => {
    if (sessionId === (await requireUser()).sessionId) {
      await endCurrentSession();
      redirect("/sign-in?signedOut=1");
    }
    await endMySession(access, sessionId);
    revalidatePath("/account");
    return { status: "ok", message: "That device is signed out." };
  },
);

export const changePasswordAction = userFormAction(changePasswordSchema, async (access, input): Promise<FormState> => {
  await changePassword(access, input, (await requireUser()).sessionId);
  revalidatePath("/account");
  return { status: "ok", message: "Your password is changed, and every other device is signed out." };
});

export const neutralTabTitleAction = userFormAction(
  z.object({ neutral: z.literal("on").optional() }),
  async (access, { neutral }): Promise<FormState> => {
    await setNeutralTabTitle(access, neutral === "on");
    revalidatePath("/", "layout");
    return { status: "ok", message: neutral ? `Every tab title now says only “${NEUTRAL_TAB_TITLE}”.` : "Tab titles name each page again." };
  },
);

export const therapyRoleAction = userFormAction(
  z.object({ role: z.enum(["", "ME", "PARTNER", "BOTH"], { error: "Choose one of the answers." }).optional() }),
  async (access, { role }): Promise<FormState> => {
    await setMyTherapyRole(access, role || null);
    revalidatePath("/", "layout");
    return { status: "ok", message: "Saved. Only you see this answer." };
  },
);

export const deleteAccountAction = userFormAction(
  z.object({
    password: text("Enter your password to confirm.").min(1, "Enter your password to confirm.").max(200),
    confirm: z.literal("delete", { error: "Tick the box to confirm that you want to delete everything." }),
  }),
  async (access, { password }): Promise<FormState> => {
    await deleteAccount(access, password);
    await clearSessionCookie();
    redirect("/?deleted=1");
  },
);

export const timeZoneAction = userFormAction(myTimeZoneSchema, async (access, { timeZone }): Promise<FormState> => {
  await setMyTimeZone(access, timeZone);
  revalidatePath("/", "layout");
  return { status: "ok", message: `Saved. Times are shown in ${timeZone.replace(/_/g, " ")}.` };
}, { redisplay: ["timeZone"] });

/** Called without a visible step by the browser of someone whose zone is not known yet (decision 038). */
export const rememberTimeZoneAction = userFormAction(myTimeZoneSchema, async (access, { timeZone }): Promise<FormState> => {
  const kept = await rememberMyTimeZone(access, timeZone);
  if (kept) revalidatePath("/", "layout");
  return { status: "ok", message: kept ? "Time zone noted." : "Time zone already set." };
});
