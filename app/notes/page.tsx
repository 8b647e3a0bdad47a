import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { LinkNotices } from "@/components/notices/link-notices";
import { Notice } from "@/components/ui/notice";
import { requireAccess } from "@/lib/auth/session";
import { listMyNotices } from "@/lib/data/notices";
import { listNotes } from "@/lib/data/notes";
import { formatCalendarDate } from "@/lib/format/dates";

export const metadata: Metadata = { title: "My private space" };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function NotesPage({ searchParams }: Props) {
  const access = await requireAccess();
  const [notes, notices, { deleted }] = await Promise.all([listNotes(access), listMyNotices(access), searchParams]);
  return (
    <div className="space-y-6">
      <LinkNotices notices={notices} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">My private space</h1>
          <p className="text-stone-700 dark:text-stone-300">
            Only you can read these notes. Your partner cannot see them, how many there are, or when you write.
          </p>
        </div>
        <Link href="/notes/new" className={`${buttonClass("primary")} no-underline hover:no-underline`}>
          New note
        </Link>
      </div>
      {deleted ? <Notice>The note is deleted.</Notice> : null}
      {notes.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
          <h2 className="text-lg font-medium">Nothing here yet</h2>
          <p className="mt-2 text-stone-700 dark:text-stone-300">
            After a session, jot down what stayed with you. There is no schedule and no streak: write when it helps.
          </p>
          <p className="mt-2 text-sm">
            <Link href="/welcome">What your partner can and can never see</Link>
          </p>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {notes.map((note) => (
            <li key={note.id} className="p-4">
              <Link href={`/notes/${note.id}`} className="text-lg font-medium">
                {note.title}
              </Link>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                {note.sessionDate ? `Session on ${formatCalendarDate(note.sessionDate)}` : "No session date"}
                {note.workingOn ? ` · Working on: ${note.workingOn}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
