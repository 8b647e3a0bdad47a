"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { CHECK_IN_TOPICS } from "@/lib/content/guidance";
import { addSharedItemToPlan, addTopics, moveItem, removeFromPlan, setConversationTime, setDiscussed } from "@/lib/data/plan";
import { formKey, postedId } from "@/lib/validation/fields";
import { conversationTimeSchema, topicInputSchema } from "@/lib/validation/plan";

function done(message: string): FormState {
  revalidatePath("/plan");
  revalidatePath("/shared");
  return { status: "ok", message };
}

export const addTopicAction = userFormAction(
  topicInputSchema.extend({ formKey }),
  async (access, { formKey: key, ...topic }) => {
    await addTopics(access, [topic], key);
    return done("Topic added.");
  },
  { redisplay: ["title", "detail"] },
);

export const addCheckInTemplateAction = userFormAction(z.object({ formKey }), async (access, { formKey: key }) => {
  await addTopics(access, CHECK_IN_TOPICS.map((topic) => ({ title: topic.label, detail: topic.hint })), key);
  return done("The weekly check-in topics are on your plan.");
});

export const addSharedItemAction = userFormAction(z.object({ consentId: postedId }), async (access, { consentId }) => {
  await addSharedItemToPlan(access, consentId);
  return done("Added to your plan.");
});

export const setDiscussedAction = userFormAction(
  z.object({ itemId: postedId, discussed: z.enum(["yes", "no"], { error: "Choose discussed or not." }) }),
  async (access, { itemId, discussed }) => {
    await setDiscussed(access, itemId, discussed === "yes");
    return done(discussed === "yes" ? "Marked as discussed." : "Marked as not discussed yet.");
  },
);

export const moveItemAction = userFormAction(
  z.object({ itemId: postedId, direction: z.enum(["up", "down"], { error: "Choose up or down." }) }),
  async (access, { itemId, direction }) => {
    await moveItem(access, itemId, direction);
    return done(`Moved ${direction}.`);
  },
);

export const removeItemAction = userFormAction(z.object({ itemId: postedId }), async (access, { itemId }) => {
  await removeFromPlan(access, itemId);
  return done("Taken off the plan.");
});

export const setConversationTimeAction = userFormAction(conversationTimeSchema, async (access, { conversationAt }) => {
  await setConversationTime(access, conversationAt);
  return done(conversationAt ? "The conversation time is set." : "The conversation time is cleared.");
});
