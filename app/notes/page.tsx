import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { LinkNotices } from "@/components/notices/link-notices";
import { LinkedItemList } from "@/components/ui/linked-item-list";
import { Notice } from "@/components/ui/notice";
import { requireAccess } from "@/lib/auth/session";
import { listMyNotices } from "@/lib/data/notices";
import { listNotes } from "@/lib/data/notes";
import { formatCalendarDate } from "@/lib/format/dates";

export const metadata: Metadata = { title: "My private space" };

type Props = { searchParams: Promise<{ deleted?: string }> };

/** The line under a note's title: when its session was, and what it is about. */
function aboutNote(note: { sessionDate: Date | null; workingOn: string | null }): string {
  const session = note.sessionDate ? `Session on ${formatCalendarDate(note.sessionDate)}` : "No session date";
  return note.workingOn ? `${session} · Working on: ${note.workingOn}` : session;
}

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
        <LinkedItemList basePath="/notes" items={notes.map((note) => ({ id: note.id, title: note.title, detail: aboutNote(note) }))} />
      )}
    </div>
  );
}
