import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { DraftBanner } from "@/components/drafts/draft-banner";
import { NoteForm } from "@/components/notes/note-form";
import { requireAccess } from "@/lib/auth/session";
import { getDraft } from "@/lib/data/drafts";
import { targetKey, type DraftTarget } from "@/lib/drafts/targets";
import { createNoteAction } from "../actions";

export const metadata: Metadata = { title: "New note" };

type Props = { searchParams?: Promise<{ draft?: string }> };

const TARGET: DraftTarget = { kind: "new-note" };

export default async function NewNotePage({ searchParams }: Props) {
  const access = await requireAccess();
  const [draft, search] = await Promise.all([getDraft(access, TARGET), searchParams]);
  const kept = draft?.form === "note" ? draft : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/notes">← My private space</Link>
      </p>
      <h1 className="text-2xl font-semibold">New private note</h1>
      <p className="text-stone-700 dark:text-stone-300">Only you will ever see this note.</p>
      <DraftBanner target={targetKey(TARGET)} savedAt={kept?.savedAt ?? null} discarded={search?.draft === "discarded"} discardHint="Discarding it starts the note afresh." />
      <NoteForm
        key={kept ? "restored" : "fresh"}
        action={createNoteAction}
        initial={kept?.fields ?? { title: "", body: "", workingOn: "", sessionDate: "" }}
        submitLabel="Save note"
        formKey={randomUUID()}
        autosave={{ target: targetKey(TARGET), restoredAt: kept?.savedAt.toISOString() ?? null }}
      />
    </div>
  );
}
