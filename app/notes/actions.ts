"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formError, type FormState } from "@/lib/actions/form-state";
import { userFormAction } from "@/lib/actions/user-form-action";
import { discardDraft, discardDraftsOf } from "@/lib/data/drafts";
import { createNote, deleteNote, updateNote } from "@/lib/data/notes";
import { formKey, recordId, text } from "@/lib/validation/fields";
import { noteInputSchema } from "@/lib/validation/note";

const NOT_FOUND = "This note does not exist, or it is not yours.";
/** What the note form fills in again after an error. */
const redisplay = ["title", "body", "workingOn", "sessionDate"];

export const createNoteAction = userFormAction(noteInputSchema.extend({ formKey }), async (access, { formKey: key, ...input }): Promise<FormState> => {
  const note = await createNote(access, input, key);
  await discardDraft(access, { kind: "new-note" });
  revalidatePath("/notes");
  redirect(`/notes/${note.id}?saved=1`);
}, { redisplay });

export const updateNoteAction = userFormAction(
  noteInputSchema.extend({ id: text("Missing note.") }),
  async (access, { id, ...input }): Promise<FormState> => {
    const updated = recordId.safeParse(id).success ? await updateNote(access, id, input) : null;
    if (!updated) return formError(NOT_FOUND);
    await discardDraft(access, { kind: "note", id });
    revalidatePath("/notes");
    redirect(`/notes/${updated.id}?saved=1`);
  },
  { redisplay },
);

export const deleteNoteAction = userFormAction(z.object({ id: text("Missing note.") }), async (access, { id }): Promise<FormState> => {
  const deleted = recordId.safeParse(id).success && (await deleteNote(access, id));
  if (!deleted) return formError(NOT_FOUND);
  await discardDraftsOf(access, { noteId: id });
  revalidatePath("/notes");
  redirect("/notes?deleted=1");
});
