"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formError, type FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { discardDraft } from "@/lib/data/drafts";
import { formPath, parseTargetKey } from "@/lib/drafts/targets";
import { text } from "@/lib/validation/fields";

/** "Discard draft": the form opens again as it was before the draft (the note or summary as saved, or blank). */
export const discardDraftAction = userFormAction(z.object({ target: text("Missing draft.").max(80, "Unknown draft.") }), async (access, { target: key }): Promise<FormState> => {
  const target = parseTargetKey(key);
  if (!target) return formError("This draft is not one of yours.");
  await discardDraft(access, target);
  const path = formPath(target);
  redirect(`${path}${path.includes("?") ? "&" : "?"}draft=discarded`);
});
