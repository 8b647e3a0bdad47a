"use client";

import { useEffect } from "react";
import { useFormActionState } from "@/components/ui/use-form-action-state";
import { useSubmissionKey } from "@/components/ui/use-submission-key";
import type { FormState } from "@/lib/actions/form-state";
import type { useDraftAutosave } from "./autosave";

/**
 * The save of a form that keeps a private draft (decision 036): the autosave is paused while the
 * form itself is saved (that save removes the draft) and resumed after a refusal, when the words
 * are still only in the form; a create form's one-time key is kept until the save succeeds.
 */
export function useDraftedFormAction(
  action: (previous: FormState, formData: FormData) => Promise<FormState>,
  draft: ReturnType<typeof useDraftAutosave>,
  formKey: string | undefined,
) {
  const { pause, resume } = draft;
  const [state, formAction] = useFormActionState(async (previous: FormState, formData: FormData) => {
    await pause();
    return action(previous, formData);
  });
  const submissionKey = useSubmissionKey(formKey, state);
  useEffect(() => {
    if (state.status === "error") resume();
  }, [state, resume]);
  return { state, formAction, submissionKey };
}
