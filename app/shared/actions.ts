"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { PARTNER_REPLIES } from "@/lib/content/receiving";
import { PartnerReply } from "@/lib/generated/prisma/enums";
import { answerTalkRequest, askToTalk, replyToSharedItem } from "@/lib/data/consent";
import { addSharedItemToPlan } from "@/lib/data/plan";
import { postedId } from "@/lib/validation/fields";

function done(message: string): FormState {
  revalidatePath("/shared");
  revalidatePath("/plan");
  revalidatePath("/");
  return { status: "ok", message };
}

export const replyAction = userFormAction(
  z.object({ consentId: postedId, reply: z.enum(PartnerReply, { error: "Choose one of the replies." }) }),
  async (access, { consentId, reply }): Promise<FormState> => {
    await replyToSharedItem(access, consentId, reply);
    return done(`You replied: “${PARTNER_REPLIES[reply]}”`);
  },
);

export const askToTalkAction = userFormAction(z.object({ consentId: postedId }), async (access, { consentId }): Promise<FormState> => {
  await askToTalk(access, consentId);
  return done("Asked. It is their choice.");
});

export const answerTalkRequestAction = userFormAction(
  z.object({ consentId: postedId, answer: z.enum(["accept", "decline"], { error: "Choose to put it on the agenda or keep it as just so you know." }) }),
  async (access, { consentId, answer }): Promise<FormState> => {
    await answerTalkRequest(access, consentId, answer);
    return done(answer === "accept" ? "It is on your agenda." : "Kept as just so you know.");
  },
);

export const addSharedToPlanAction = userFormAction(z.object({ consentId: postedId }), async (access, { consentId }): Promise<FormState> => {
  await addSharedItemToPlan(access, consentId);
  return done("Added to your conversation plan.");
});
