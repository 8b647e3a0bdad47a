import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteNoteForm } from "@/components/notes/delete-note-form";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { requireAccess } from "@/lib/auth/session";
import { getNote } from "@/lib/data/notes";
import { formatCalendarDate } from "@/lib/format/dates";
import { recordId } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Private note" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function NotePage({ params, searchParams }: Props) {
  const access = await requireAccess();
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const note = recordId.safeParse(id).success ? await getNote(access, id) : null;
  if (!note) notFound();
  return (
    <article className="space-y-6">
      <p className="text-sm">
        <Link href="/notes">← My private space</Link>
      </p>
      {saved ? <Notice>Saved. Only you can see this note.</Notice> : null}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{note.title}</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {note.sessionDate ? `Session on ${formatCalendarDate(note.sessionDate)}` : "No session date"}
        </p>
      </header>
      {note.workingOn ? (
        <p>
          <span className="font-medium">What I&apos;m working on:</span> {note.workingOn}
        </p>
      ) : null}
      <div className="whitespace-pre-wrap rounded-xl border border-stone-200 bg-white p-4 leading-relaxed dark:border-stone-800 dark:bg-stone-900">
        {note.body || <span className="text-stone-500">No text yet.</span>}
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <Link href={`/notes/${note.id}/edit`} className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
          Edit
        </Link>
        <Link href={`/summaries/new?from=${note.id}`} className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
          Draft a summary to maybe share…
        </Link>
        <DeleteNoteForm noteId={note.id} />
      </div>
    </article>
  );
}
