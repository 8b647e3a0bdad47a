"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import {
  acceptGuide,
  callPause,
  closeConversation,
  deleteReflection,
  dropGuideProposal,
  endPause,
  markCurrentDiscussed,
  moveConversation,
  passTurn,
  proposeGuide,
  saveReflection,
  setForNextSession,
  startConversation,
} from "@/lib/data/conversation";
import {
  acceptGuideSchema,
  closeSchema,
  markDiscussedSchema,
  moveSchema,
  nextSessionSchema,
  passTurnSchema,
  pauseSchema,
  proposeGuideSchema,
  reflectionIdSchema,
  reflectionSchema,
} from "@/lib/validation/conversation";

function done(message: string, ...paths: string[]): FormState {
  for (const path of ["/conversation", ...paths]) revalidatePath(path);
  return { status: "ok", message };
}

export const startConversationAction = userFormAction(z.object({}), async (access) => {
  await startConversation(access);
  revalidatePath("/conversation");
  redirect("/conversation");
});

export const moveConversationAction = userFormAction(moveSchema, async (access, { from, direction }) => {
  await moveConversation(access, from, direction);
  return done(direction === "next" ? "On to the next one." : "Back to the one before.");
});

export const passTurnAction = userFormAction(passTurnSchema, async (access, { from }) => {
  await passTurn(access, from);
  return done("The turn has passed.");
});

export const markDiscussedAction = userFormAction(markDiscussedSchema, async (access, { itemId }) => {
  await markCurrentDiscussed(access, itemId);
  return done("Marked as discussed. It moves to your history when you close the conversation.", "/plan");
});

export const callPauseAction = userFormAction(pauseSchema, async (access, { minutes }) => {
  await callPause(access, minutes);
  return done(`Paused for ${minutes} minutes.`);
});

export const endPauseAction = userFormAction(z.object({}), async (access) => {
  await endPause(access);
  return done("Welcome back.");
});

export const closeConversationAction = userFormAction(
  closeSchema,
  async (access, { agreedLine }) => {
    const { id } = await closeConversation(access, agreedLine);
    revalidatePath("/conversation");
    revalidatePath("/conversation/history");
    revalidatePath("/plan");
    redirect(`/conversation/reflect?after=${id}`);
  },
  { redisplay: ["agreedLine"] },
);

export const proposeGuideAction = userFormAction(
  proposeGuideSchema,
  async (access, input) => {
    await proposeGuide(access, input);
    return done("Proposed. Nothing changes until your partner accepts it.", "/conversation/rules");
  },
  { redisplay: ["steps", "rules"] },
);

export const acceptGuideAction = userFormAction(acceptGuideSchema, async (access, { seenAt }) => {
  await acceptGuide(access, seenAt);
  return done("Accepted. These are your ground rules now, for both of you.", "/conversation/rules");
});

export const dropGuideProposalAction = userFormAction(z.object({}), async (access) => {
  await dropGuideProposal(access);
  return done("The proposal is dropped. Your agreed rules stand.", "/conversation/rules");
});

export const saveReflectionAction = userFormAction(
  reflectionSchema,
  async (access, input) => {
    await saveReflection(access, input);
    return done(input.forNextSession ? "Saved, and on your list for your next session." : "Saved, for you alone.", "/conversation/reflect");
  },
  { redisplay: ["body"] },
);

export const setForNextSessionAction = userFormAction(nextSessionSchema, async (access, { reflectionId, forNextSession }) => {
  await setForNextSession(access, reflectionId, forNextSession === "yes");
  return done(forNextSession === "yes" ? "On your list for your next session." : "Taken off your list.", "/conversation/reflect");
});

export const deleteReflectionAction = userFormAction(reflectionIdSchema, async (access, { reflectionId }) => {
  await deleteReflection(access, reflectionId);
  return done("Deleted.", "/conversation/reflect");
});
