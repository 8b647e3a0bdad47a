import "server-only";
import type { Access } from "./access";
import { assertRoomFor } from "./caps";
import type { NoteInput } from "@/lib/validation/note";
import { createOnce, submissionKey } from "./submissions";

/**
 * Private notes. The one visibility rule: a note exists only for its author. Any other
 * user, the partner included, gets exactly what a missing note gives (null / false).
 */
function visibleTo(access: Access) {
  return { authorId: access.userId };
}

const listFields = { id: true, title: true, workingOn: true, sessionDate: true, updatedAt: true } as const;

export function listNotes(access: Access) {
  return access.db.note.findMany({
    where: visibleTo(access),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: listFields,
  });
}

/** Whole notes, oldest first, for the author's own data export. */
export function listNotesInFull(access: Access) {
  return access.db.note.findMany({
    where: visibleTo(access),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, body: true, workingOn: true, sessionDate: true, createdAt: true, updatedAt: true },
  });
}

export function getNote(access: Access, id: string) {
  return access.db.note.findFirst({ where: { id, ...visibleTo(access) } });
}

/** A repeat of one submission (same form key, same words) returns the note it made (submissions.ts). */
export function createNote(access: Access, input: NoteInput, formKey: string | null = null) {
  const key = submissionKey(formKey, input);
  return createOnce(
    key,
    () =>
      access.db.$transaction(async (tx) => {
        await assertRoomFor(tx, access.userId, "notes");
        return tx.note.create({ data: { ...input, authorId: access.userId, submissionKey: key } });
      }),
    (made) => access.db.note.findUnique({ where: { authorId_submissionKey: { authorId: access.userId, submissionKey: made } } }),
  );
}

/** Returns the updated note, or null when the user has no such note (nothing changes). */
export async function updateNote(access: Access, id: string, input: NoteInput) {
  const { count } = await access.db.note.updateMany({ where: { id, ...visibleTo(access) }, data: input });
  return count === 1 ? getNote(access, id) : null;
}

/** Returns whether a note of the user's was deleted. */
export async function deleteNote(access: Access, id: string): Promise<boolean> {
  const { count } = await access.db.note.deleteMany({ where: { id, ...visibleTo(access) } });
  return count === 1;
}
