import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftBanner } from "@/components/drafts/draft-banner";
import { NoteForm } from "@/components/notes/note-form";
import { requireAccess } from "@/lib/auth/session";
import { getDraft } from "@/lib/data/drafts";
import { targetKey } from "@/lib/drafts/targets";
import { getNote } from "@/lib/data/notes";
import { toDateInputValue } from "@/lib/format/dates";
import { recordId } from "@/lib/validation/fields";
import { updateNoteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit note" };

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ draft?: string }> };

export default async function EditNotePage({ params, searchParams }: Props) {
  const access = await requireAccess();
  const { id } = await params;
  const note = recordId.safeParse(id).success ? await getNote(access, id) : null;
  if (!note) notFound();
  const target = { kind: "note", id: note.id } as const;
  const [draft, search] = await Promise.all([getDraft(access, target), searchParams]);
  const kept = draft?.form === "note" ? draft : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/notes/${note.id}`}>← Back to the note</Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit note</h1>
      <DraftBanner target={targetKey(target)} savedAt={kept?.savedAt ?? null} discarded={search?.draft === "discarded"} discardHint="Discarding it goes back to the note as you last saved it." />
      <NoteForm
        key={kept ? "restored" : "saved"}
        action={updateNoteAction}
        initial={{
          id: note.id,
          title: note.title,
          body: note.body,
          workingOn: note.workingOn ?? "",
          sessionDate: toDateInputValue(note.sessionDate),
          ...kept?.fields,
        }}
        submitLabel="Save changes"
        autosave={{ target: targetKey(target), restoredAt: kept?.savedAt.toISOString() ?? null }}
      />
    </div>
  );
}
