"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { shareSummary, unshareSummary } from "@/lib/data/consent";
import { discardDraft, discardDraftsOf } from "@/lib/data/drafts";
import { DomainError } from "@/lib/data/errors";
import { createSummary, deleteSummary, updateSummary } from "@/lib/data/summaries";
import { formKey, postedId } from "@/lib/validation/fields";
import { shareReflectionSchema, summaryInputSchema } from "@/lib/validation/summary";

/** What the summary form fills in again after an error. */
const redisplay = ["privateLabel", "title", "body", "depth", "framing", "whyReasons", "whyText", "responseWish", "noteId"];

function revalidateSharing() {
  for (const path of ["/summaries", "/shared", "/plan"]) revalidatePath(path);
}

export const createSummaryAction = userFormAction(summaryInputSchema.safeExtend({ formKey }), async (access, { formKey: key, ...input }): Promise<FormState> => {
  const { id } = await createSummary(access, input, key);
  await discardDraft(access, { kind: "new-summary", noteId: input.noteId });
  revalidatePath("/summaries");
  redirect(`/summaries/${id}?saved=1`);
}, { redisplay });

export const updateSummaryAction = userFormAction(
  summaryInputSchema.safeExtend({ id: postedId, returnTo: z.literal("share").optional() }),
  async (access, { id, returnTo, ...input }): Promise<FormState> => {
    await updateSummary(access, id, input);
    await discardDraft(access, { kind: "summary", id });
    revalidatePath("/summaries");
    // Rephrasing from the share step goes back there, to the preview of the new words.
    redirect(returnTo === "share" ? `/summaries/${id}/share` : `/summaries/${id}?saved=1`);
  },
  { redisplay },
);

export const deleteSummaryAction = userFormAction(z.object({ id: postedId }), async (access, { id }): Promise<FormState> => {
  await deleteSummary(access, id);
  await discardDraftsOf(access, { summaryId: id });
  revalidateSharing();
  redirect("/summaries?deleted=1");
});

export const shareSummaryAction = userFormAction(shareReflectionSchema, async (access, reflection): Promise<FormState> => {
  const { outcome, agenda } = await shareSummary(access, reflection).catch((error: unknown) => {
    // A refused share redraws the step, so the preview beside the message is what sharing would record now.
    if (error instanceof DomainError) revalidatePath(`/summaries/${reflection.summaryId}/share`);
    throw error;
  });
  revalidateSharing();
  redirect(`/summaries/${reflection.summaryId}?shared=${outcome}${agenda ? `&agenda=${agenda}` : ""}`);
});

export const unshareSummaryAction = userFormAction(z.object({ summaryId: postedId }), async (access, { summaryId }): Promise<FormState> => {
  await unshareSummary(access, summaryId);
  revalidateSharing();
  redirect(`/summaries/${summaryId}?unshared=1`);
});
