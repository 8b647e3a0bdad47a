"use client";

import { useEffect } from "react";
import { discardDraftAction } from "@/app/drafts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormActionState } from "@/components/ui/use-form-action-state";
import type { FormState } from "@/lib/actions/form-state";
import { pauseDrafts, resumeDrafts } from "./autosave";
import { ClockTime } from "./clock-time";

/** Above a form that opened with a draft: what happened, and the way back to the form as it was. */
export function RestoredDraft({ target, savedAt, discardHint }: { target: string; savedAt: string; discardHint: string }) {
  const [state, formAction] = useFormActionState(async (previous: FormState, formData: FormData) => {
    await pauseDrafts();
    return discardDraftAction(previous, formData);
  });
  useEffect(() => {
    if (state.status === "error") resumeDrafts();
  }, [state]);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert state={state} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3 rounded-lg border border-teal-300 bg-teal-50 px-4 py-3 text-sm text-teal-900 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100">
        <p className="min-w-0 flex-1 basis-64">
          We kept what you were writing, saved at <ClockTime iso={savedAt} />. {discardHint}
        </p>
        <input type="hidden" name="target" value={target} />
        <SubmitButton tone="secondary" pendingLabel="Discarding…">
          Discard draft
        </SubmitButton>
      </div>
    </form>
  );
}
