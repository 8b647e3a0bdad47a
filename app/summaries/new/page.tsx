import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { NoteBesideDraft } from "@/components/summaries/note-beside-draft";
import { SummaryForm } from "@/components/summaries/summary-form";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { getNote } from "@/lib/data/notes";
import { recordId } from "@/lib/validation/fields";
import { createSummaryAction } from "../actions";

export const metadata: Metadata = { title: "New summary" };

type Props = { searchParams: Promise<{ from?: string }> };

export default async function NewSummaryPage({ searchParams }: Props) {
  const access = await requireAccess();
  const { from } = await searchParams;
  const note = from && recordId.safeParse(from).success ? await getNote(access, from) : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/summaries">← Summaries</Link>
      </p>
      <h1 className="text-2xl font-semibold">New summary</h1>
      <p className="text-stone-700 dark:text-stone-300">
        {note ? (
          <>
            Starting from your note <strong>{note.title}</strong>. Your partner will never see the note itself, only what
            you write here, and only if you share it.
          </>
        ) : (
          "Write what you might want to share. Saving it shares nothing."
        )}
      </p>
      <NoteBesideDraft note={note}>
      <SummaryForm
        action={createSummaryAction}
        initial={{
          noteId: note?.id ?? "",
          privateLabel: "",
          title: "",
          body: "",
          depth: "BRIEF",
          framing: "CONTENT_ONLY",
          whyReasons: [],
          whyText: "",
          responseWish: "",
        }}
        submitLabel="Save draft"
        formKey={randomUUID()}
        authorName={(await requireUser()).displayName}
      />
      </NoteBesideDraft>
    </div>
  );
}
