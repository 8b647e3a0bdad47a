import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoteForm } from "@/components/notes/note-form";
import { requireAccess } from "@/lib/auth/session";
import { getNote } from "@/lib/data/notes";
import { toDateInputValue } from "@/lib/format/dates";
import { recordId } from "@/lib/validation/fields";
import { updateNoteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit note" };

type Props = { params: Promise<{ id: string }> };

export default async function EditNotePage({ params }: Props) {
  const access = await requireAccess();
  const { id } = await params;
  const note = recordId.safeParse(id).success ? await getNote(access, id) : null;
  if (!note) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/notes/${note.id}`}>← Back to the note</Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit note</h1>
      <NoteForm
        action={updateNoteAction}
        initial={{
          id: note.id,
          title: note.title,
          body: note.body,
          workingOn: note.workingOn ?? "",
          sessionDate: toDateInputValue(note.sessionDate),
        }}
        submitLabel="Save changes"
      />
    </div>
  );
}
