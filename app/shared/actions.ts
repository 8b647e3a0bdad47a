"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { acknowledgeSharedItem } from "@/lib/data/consent";
import { addSharedItemToPlan } from "@/lib/data/plan";
import { postedId } from "@/lib/validation/fields";

export const acknowledgeAction = userFormAction(z.object({ consentId: postedId }), async (access, { consentId }): Promise<FormState> => {
  await acknowledgeSharedItem(access, consentId);
  revalidatePath("/shared");
  return { status: "ok", message: "Acknowledged." };
});

export const addSharedToPlanAction = userFormAction(z.object({ consentId: postedId }), async (access, { consentId }): Promise<FormState> => {
  await addSharedItemToPlan(access, consentId);
  revalidatePath("/shared");
  revalidatePath("/plan");
  return { status: "ok", message: "Added to your conversation plan." };
});
