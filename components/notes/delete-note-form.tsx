"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import { deleteNoteAction } from "@/app/notes/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button-class";

/** Deleting asks once more, in place: a note deleted is gone for good. */
export function DeleteNoteForm({ noteId }: { noteId: string }) {
  const [state, formAction] = useFormActionState(deleteNoteAction);
  return (
    <details className="group">
      <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>Delete…</summary>
      <form action={formAction} className="mt-3 space-y-3 rounded-xl border border-rose-200 p-4 dark:border-rose-900">
        <FormAlert state={state} />
        <p className="text-sm">This deletes the note for good. It cannot be undone.</p>
        <input type="hidden" name="id" value={noteId} />
        <SubmitButton tone="danger" pendingLabel="Deleting…">
          Yes, delete this note
        </SubmitButton>
      </form>
    </details>
  );
}
